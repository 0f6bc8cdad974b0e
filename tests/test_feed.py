"""RSS ingest against a feed and pages served on loopback."""

import http.server
import os
import subprocess
import sys
import threading
import time

import duckdb
import pytest

ARTICLE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2024-03-0{day}T09:00:00Z"></head>
<body><nav>Home | World | Contact</nav><article><h1>{title}</h1>
<p>{body}</p><p>The talks lasted two hours, officials said, and covered the exchange of detainees,
access for humanitarian convoys and the protection of hospitals near the front line.</p></article>
<footer>Copyright Example Wire</footer></body></html>"""

PAGES = {
    "/a1.html": ARTICLE.format(day=4, title="Lavrov meets ICRC chief",
                               body="Russian Foreign Minister Sergey Lavrov met ICRC President Mirjana Spoljaric "
                                    "in Moscow on Monday to discuss prisoners of war."),
    "/a2.html": ARTICLE.format(day=5, title="Guterres to visit Kyiv",
                               body="UN Secretary-General Antonio Guterres will meet President Volodymyr Zelensky "
                                    "in Kyiv on Friday, his spokesman said."),
}


def rss(base):
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>"
        for p, t in (("/a1.html", "one"), ("/a2.html", "two"), ("/missing.html", "three")))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


@pytest.fixture()
def server():
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append((self.path, self.headers.get("User-Agent", "")))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/slow.html":  # one byte every 0.4 s, forever as far as a client knows
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                try:
                    for _ in range(100):
                        self.wfile.write(b"<")
                        self.wfile.flush()
                        time.sleep(0.4)
                except OSError:
                    pass
                return
            redirects = {"/to-ftp": "ftp://127.0.0.1/a1.html", "/loop": "/loop", "/hop": "/a1.html",
                         "/to-metadata": "http://169.254.169.254/latest/meta-data/"}
            if self.path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path == "/feed.xml":
                body, ctype = rss(base).encode(), "application/rss+xml"
            elif self.path in PAGES:
                body, ctype = PAGES[self.path].encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()


def run(args):
    return subprocess.run([sys.executable, "-m", "dateline"] + args, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_feed_items_are_fetched_stored_and_skipped_on_rerun(server, tmp_path):
    base, hits = server
    db = tmp_path / "feed.duckdb"
    res = run(["ingest", "--feed", f"{base}/feed.xml", "--db", str(db), "--allow-private-addresses"])
    # The missing page is reported and skipped; the other two are stored.
    assert res.returncode == 1, res.stderr
    assert "missing.html" in res.stderr and "404" in res.stderr
    assert "2 new documents" in res.stderr
    assert all(ua.startswith("dateline/") for _, ua in hits)
    con = duckdb.connect(str(db), read_only=True)
    sources = sorted(r[0] for r in con.execute("select source from documents").fetchall())
    assert sources == [f"{base}/a1.html", f"{base}/a2.html"]
    texts = " ".join(r[0] for r in con.execute("select text from documents").fetchall())
    assert "Copyright Example Wire" not in texts  # boilerplate dropped
    events = con.execute("select type, status, date_value from mentions order by type, status").fetchall()
    con.close()
    assert ("CONSULT", "occurred", "2024-03-04") in events
    assert ("CONSULT", "planned", "2024-03-08") in events

    hits.clear()
    again = run(["ingest", "--feed", f"{base}/feed.xml", "--db", str(db), "--allow-private-addresses"])
    assert "0 new documents" in again.stderr
    fetched = [p for p, _ in hits]
    assert "/a1.html" not in fetched and "/a2.html" not in fetched  # stored items are not fetched again


def test_unreachable_feed_is_a_reported_problem(tmp_path):
    res = run(["ingest", "--feed", "http://127.0.0.1:9/feed.xml", "--db", str(tmp_path / "x.duckdb"),
               "--timeout", "2", "--allow-private-addresses"])
    assert res.returncode == 1 and "cannot fetch" in res.stderr and "Traceback" not in res.stderr


def test_a_feed_on_a_private_address_is_refused_unless_allowed(server, tmp_path):
    base, hits = server
    res = run(["ingest", "--feed", f"{base}/feed.xml", "--db", str(tmp_path / "x.duckdb")])
    assert res.returncode == 1 and "private or local address" in res.stderr
    assert hits == []  # nothing was fetched


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/feed", "http://[::1]/x",
                                 "http://localhost:8000/", "http://192.168.0.1/", "http://0.0.0.0/",
                                 "ftp://example.org/feed", "file:///etc/passwd", "gopher://x/"])
def test_private_addresses_and_other_schemes_are_refused(url):
    from dateline.ingest.feed import FetchError, check_url

    with pytest.raises(FetchError):
        check_url(url)


def test_a_trickling_page_is_cut_at_the_total_deadline(server):
    from dateline.ingest.feed import FetchError, fetch

    base, _ = server
    started = time.monotonic()
    with pytest.raises(FetchError, match="no complete answer within 2 s"):
        fetch(f"{base}/slow.html", 1_000_000, timeout=2, allow_private=True)
    assert time.monotonic() - started < 4


def test_redirects_are_checked_at_every_hop(server):
    from dateline.ingest.feed import FetchError, fetch

    base, _ = server
    assert b"Lavrov" in fetch(f"{base}/hop", 1_000_000, timeout=5, allow_private=True)
    with pytest.raises(FetchError, match="not an http"):
        fetch(f"{base}/to-ftp", 1_000_000, timeout=5, allow_private=True)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{base}/loop", 1_000_000, timeout=5, allow_private=True)
    with pytest.raises(FetchError, match="private or local"):
        fetch(f"{base}/hop", 1_000_000, timeout=5)  # the loopback start itself
