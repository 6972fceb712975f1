"""Privacy-first video: nothing from a platform before the click; self-hosted files play with captions."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LEZEN = "/modules/01-proef/lezen/"


def test_no_third_party_request_before_click(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    embeds: list[str] = []

    def fake_player(route):
        embeds.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>speler</title>")

    page.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1",), fake_player)
    page.goto(base_url + LEZEN, wait_until="networkidle")
    own_host = urlsplit(base_url).hostname
    assert requests, "no requests recorded at all"
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != own_host]
    assert foreign == []
    assert page.locator("iframe").count() == 0

    card = page.locator("#video-proef-youtube")
    expect(card.locator(".nk-heading")).to_contain_text("Een getuigenis op YouTube")
    expect(card.locator(".nk-meta").first).to_contain_text("Duur: 3:20")
    transcript_link = card.get_by_role("link", name="Lees het transcript (tekstversie)")
    transcript_link.click()
    expect(card.locator("details.nk-transcript")).to_have_attribute("open", "")

    card.get_by_role("button", name="Video laden van YouTube").click()
    frame = card.locator("iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute("title", "Video: Een getuigenis op YouTube")
    expect(frame).to_have_attribute("allow", "autoplay; fullscreen")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    page.wait_for_timeout(300)
    assert embeds, "the player was never requested"
    assert urlsplit(embeds[0]).hostname == "www.youtube-nocookie.com"
    assert urlsplit(embeds[0]).path == "/embed/abcdEFGH123"
    hosts = {urlsplit(u).hostname for u in requests} - {own_host}
    assert hosts == {"www.youtube-nocookie.com"}, hosts


def test_self_hosted_video_plays_with_captions(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "/modules/02-tweede/")
    video = page.locator("#video-proef-bestand video")
    expect(video).to_have_count(1)
    state = page.evaluate("""async () => {
        const v = document.querySelector('#video-proef-bestand video');
        v.muted = true;
        await v.play();
        const start = performance.now();
        while (v.currentTime < 0.5 && performance.now() - start < 8000) await new Promise(r => setTimeout(r, 100));
        const t = v.textTracks[0];
        return {time: v.currentTime, tracks: v.textTracks.length, kind: t && t.kind, lang: t && t.language,
                mode: t && t.mode, cues: t && t.cues ? t.cues.length : 0,
                cue: t && t.cues && t.cues.length ? t.cues[0].text : null};
    }""")
    assert state["time"] >= 0.5, state
    assert state["tracks"] == 1 and state["kind"] == "captions" and state["lang"] == "nl", state
    assert state["mode"] == "showing" and state["cue"] == "Dit is een ondertitel.", state
    own_host = urlsplit(base_url).hostname
    assert {urlsplit(u).hostname for u in requests} == {own_host}
