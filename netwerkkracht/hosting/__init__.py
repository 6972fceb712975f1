"""Hosting the built course: security policy, offline copy, LMS package (SCORM 1.2)."""
