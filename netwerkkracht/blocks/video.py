"""``/// video | id``: a video testimonial from ``catalog/videos.yml``.

Privacy first: the page only shows a card. A platform player (youtube-nocookie, Vimeo with
``dnt=1``) is loaded by the browser script after the learner clicks, and only when the organisation
turned platform embeds on (``extra.platform_videos: true``; its CSP then needs ``frame-src``, see
netwerkkracht/hosting/csp.py), otherwise the card links to the video's page; a self-hosted file plays in
the native player with captions; a video without a known embeddable source links to its page.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from ..schema import Video
from .base import CourseBlock

PLAYERS = {
    "youtube": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0"),
    "vimeo": ("Vimeo", "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1"),
}


def embed_url(video: Video) -> str | None:
    player = PLAYERS.get(video.provider)
    return player[1].format(id=video.video_id) if player else None


class VideoBlock(CourseBlock):
    NAME = "video"
    ARGUMENT = True
    BODY = "forbidden"

    CATALOG = ("videos", "video", "catalog/videos.yml")

    def on_create(self, parent):
        video = self.course.videos[self.argument]
        figure = etree.SubElement(parent, "figure", {
            "class": "nk-video", "id": f"video-{video.id}", "data-nk-video": video.id,
            "data-provider": video.provider,
        })
        self.heading(figure, "Video", video.title)
        facts = etree.SubElement(figure, "p", {"class": "nk-meta"})
        facts.text = f"Thema: {video.theme}" + (f" · Duur: {video.duration}" if video.duration else "")
        desc = etree.SubElement(figure, "div", {"class": "nk-body"})
        self.markdown_into(desc, video.description)
        self._player(figure, video)
        guide = etree.SubElement(figure, "details", {"class": "nk-kijkwijzer"})
        etree.SubElement(guide, "summary").text = "Kijkwijzer: waar let je op?"
        self.bullet_list(guide, list(video.watch_for))
        question = etree.SubElement(guide, "p", {"class": "nk-vraag"})
        strong = etree.SubElement(question, "strong")
        strong.text = "Reflectievraag:"
        strong.tail = " " + video.reflection_question
        transcript = etree.SubElement(figure, "details", {"class": "nk-transcript", "id": f"transcript-{video.id}"})
        summary = etree.SubElement(transcript, "summary")
        if video.transcript:
            summary.text = "Transcript (tekstversie)"
            body = etree.SubElement(transcript, "div", {"class": "nk-body"})
            self.markdown_into(body, video.transcript)
        else:
            summary.text = "Transcript"
            note = etree.SubElement(transcript, "p")
            note.text = "Voor deze video is hier nog geen transcript. Kijk op de "
            link = etree.SubElement(note, "a", {"href": video.source_page})
            link.text = "pagina van de maker"
            link.tail = " of vraag het aan wie de video aanbiedt."
        caption = etree.SubElement(figure, "figcaption")
        caption.text = "Bron: "
        src = etree.SubElement(caption, "a", {"href": video.source_page})
        src.text = video.title
        return figure

    def _player(self, figure: etree.Element, video: Video) -> None:
        box = etree.SubElement(figure, "div", {"class": "nk-video__speler"})
        if video.provider in PLAYERS and self.config.get("platform_videos"):
            platform = PLAYERS[video.provider][0]
            button = etree.SubElement(box, "button", {
                "type": "button", "class": "nk-video__laad md-button",
                "data-embed": embed_url(video), "data-title": video.title,
            })
            button.text = f"Video laden van {platform}"
            note = etree.SubElement(box, "p", {"class": "nk-hint"})
            note.text = (f"Pas als je klikt, maakt je browser verbinding met {platform} "
                         "(in de privacyvriendelijke modus). Tot dan wordt er niets opgehaald.")
            fallback = etree.SubElement(box, "p")
            link = etree.SubElement(fallback, "a", {"href": video.source_page})
            link.text = f"Of bekijk de video op de pagina van de maker"
        elif video.provider == "file":
            page = self.page()
            player = etree.SubElement(box, "video", {
                "controls": "controls", "preload": "metadata", "playsinline": "playsinline",
                "src": page.link_to_output(video.file), "aria-label": video.title,
            })
            etree.SubElement(player, "track", {
                "kind": "captions", "srclang": "nl", "label": "Nederlands", "default": "default",
                "src": page.link_to_output(video.captions),
            })
            player.text = ""
        else:
            card = etree.SubElement(box, "p", {"class": "nk-video__link"})
            card.text = "Deze video staat niet op deze site. "
            link = etree.SubElement(card, "a", {"href": video.source_page, "class": "md-button"})
            link.text = "Bekijk de video op de pagina van de maker"
