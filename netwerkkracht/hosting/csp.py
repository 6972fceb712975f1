"""The Content-Security-Policy the site is built to run under, in one place.

The example server configurations in ``deploy/`` carry the same text; a test keeps them equal.
The only addition ever allowed is ``frame-src`` for the video platforms, and only when the
organisation turns platform embeds on (``extra.platform_videos: true`` in mkdocs.yml).
"""
from __future__ import annotations

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
          "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'")
VIDEO_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")


def policy(platform_videos: bool = False) -> str:
    """The header value: the strict policy, plus the video players' frames when embeds are on."""
    if platform_videos:
        return POLICY + "; frame-src " + " ".join(VIDEO_HOSTS)
    return POLICY


def platform_videos(extra: dict | None) -> bool:
    """Whether the organisation allows YouTube and Vimeo players (after a click) on its site."""
    value = (extra or {}).get("platform_videos", False)
    if not isinstance(value, bool):
        raise ValueError(f"mkdocs.yml: extra.platform_videos must be true or false, not {value!r}")
    return value


if __name__ == "__main__":  # python -m netwerkkracht.hosting.csp [--platform-videos]: print the header value
    import sys

    print(policy("--platform-videos" in sys.argv[1:]))
