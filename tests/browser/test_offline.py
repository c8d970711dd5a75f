"""The test browser is offline by its own settings, not by the machine's: a
request to a host off loopback fails at the browser's refusing proxy (so the
failure says so), while loopback is reached directly; the page records every
request off loopback it made (``lab_page.blocked``)."""

from __future__ import annotations

import http.server
import threading

import pytest

pytestmark = pytest.mark.browser

OFF_LOOPBACK = ["http://example.com/style.css", "https://198.51.100.7/script.js"]


@pytest.fixture
def loopback_site():
    class Quiet(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = "<p>本机页面</p>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_loopback_is_reached_and_nothing_else(lab_page, loopback_site):
    page = lab_page.page
    page.goto(loopback_site, timeout=10_000)
    assert "本机页面" in page.text_content("body")
    for url in OFF_LOOPBACK:  # fetched by the page's script
        error = page.evaluate("(url) => fetch(url).then(() => 'loaded', e => String(e))", url)
        assert error.startswith("TypeError"), (url, error)
    for url in OFF_LOOPBACK:  # navigated to
        with pytest.raises(Exception, match="ERR_PROXY_CONNECTION_FAILED"):
            page.goto(url, timeout=10_000)
    assert sorted(set(lab_page.blocked)) == sorted(OFF_LOOPBACK)


def test_a_page_leaves_nothing_stored_for_the_next(_browser, lab_page, loopback_site, storage_forgetter):
    page = lab_page.page
    page.goto(loopback_site, timeout=10_000)
    page.evaluate("() => { localStorage.setItem('主题', '深色'); document.cookie = 'k=v; path=/'; }")
    origin = loopback_site.rstrip("/")
    storage_forgetter(_browser, page, {origin})
    later = _browser.new_page()
    try:
        later.goto(loopback_site, timeout=10_000)
        assert later.evaluate("() => [localStorage.length, document.cookie]") == [0, ""]
    finally:
        later.close()
