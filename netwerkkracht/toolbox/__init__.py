"""The toolbox: worksheets described as data and turned into PDF, DOCX and HTML at build time."""
