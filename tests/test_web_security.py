"""A hostile client against the web app: forged forms, a stolen-cookie API call, guessed
tokens, chunked and slow bodies, slow headers. In-process (FastAPI's test client) where the
app decides, against a real `dateline serve` where the server's sockets do."""

import re
import socket
import time
import urllib.error
import urllib.request

import pytest
from fastapi.testclient import TestClient

from conftest import running_server, tally

SUITE = "web: forged forms, guessed tokens, slow and chunked clients"
pytestmark = pytest.mark.hardening


def counted(response):
    if response.request.url.path == "/boom-for-test":
        return  # the test's own route that fails on purpose, to see the 500's headers
    code = response.status_code
    tally(SUITE, inputs=1, refused=int(400 <= code < 500), crashes=int(code >= 500))


@pytest.fixture()
def app_client(dev_store):
    from dateline.web import create_app

    db, token, _ = dev_store
    client = TestClient(create_app(db), raise_server_exceptions=False)
    client.event_hooks["response"].append(counted)
    return client, token


def sign_in(client, token) -> str:
    res = client.post("/signin", data={"token": token}, follow_redirects=False)
    assert res.status_code == 303, res.text
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/add").text).group(1)


def a_mention(client) -> str:
    return client.get("/api/events", params={"limit": 1}).json()["items"][0]["mention_id"]


def test_the_session_cookie_is_a_random_id_not_the_token(app_client):
    client, token = app_client
    res = client.post("/signin", data={"token": token}, follow_redirects=False)
    cookie = res.headers["set-cookie"]
    assert token not in cookie and "dateline_session=" in cookie
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower() and "secure" not in cookie.lower()
    first = client.cookies.get("dateline_session")
    client.post("/signin", data={"token": token}, follow_redirects=False)
    assert client.cookies.get("dateline_session") != first  # a new id at each sign-in


def test_forms_need_the_sessions_csrf_token(app_client):
    client, token = app_client
    csrf = sign_in(client, token)
    mention = a_mention(client)
    text = "Vera Holm met Ivo Sand in Oslo on Monday to discuss fishing quotas."
    assert client.post("/add", data={"text": text}).status_code == 403
    assert client.post("/add", data={"text": text, "csrf": "guess"}).status_code == 403
    assert client.post(f"/review/{mention}", data={"action": "confirm"}).status_code == 403
    assert client.post("/signout", data={}).status_code == 403
    ok = client.post("/add", data={"text": text, "csrf": csrf})
    assert ok.status_code == 200 and "Stored" in ok.text
    review = client.post(f"/review/{mention}", data={"action": "confirm", "csrf": csrf}, follow_redirects=False)
    assert review.status_code == 303
    # another session's token is no good either
    other = TestClient(client.app)
    other_csrf = sign_in(other, token)
    assert other_csrf != csrf
    assert client.post("/add", data={"text": text, "csrf": other_csrf}).status_code == 403


def test_cross_site_posts_are_refused_even_with_a_token(app_client):
    client, token = app_client
    csrf = sign_in(client, token)
    text = "Vera Holm met Ivo Sand in Oslo on Monday."
    for header in ({"Origin": "http://127.0.0.1:9999"}, {"Origin": "null"}, {"Origin": "http://evil.example"},
                   {"Referer": "http://127.0.0.1:9999/attack.html"}):
        res = client.post("/add", data={"text": text, "csrf": csrf}, headers=header)
        assert res.status_code == 403 and "cross-site" in res.text, header
    same = client.post("/add", data={"text": text, "csrf": csrf}, headers={"Origin": "http://testserver"})
    assert same.status_code == 200
    # a cross-site sign-in (login CSRF) is refused too
    assert client.post("/signin", data={"token": token}, headers={"Origin": "http://evil.example"}).status_code == 403


def test_the_api_takes_bearer_tokens_only(app_client):
    client, token = app_client
    sign_in(client, token)  # the browser's session cookie is set ...
    body = {"mention_id": a_mention(client), "action": "confirm"}
    assert client.post("/api/reviews", json=body).status_code == 401  # ... and is not enough
    assert client.post("/api/documents", json={"text": "Talks."}).status_code == 401
    assert client.post("/api/reviews", json=body, headers={"Authorization": f"Bearer {token}"}).status_code == 201


def test_sign_out_ends_the_session_on_the_server(app_client):
    client, token = app_client
    csrf = sign_in(client, token)
    sid = client.cookies.get("dateline_session")
    assert client.post("/signout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    client.cookies.set("dateline_session", sid)  # a copy of the old cookie
    assert client.post("/add", data={"text": "Talks.", "csrf": csrf}).status_code == 401


def test_wrong_tokens_make_the_client_wait_longer_each_time(app_client):
    client, token = app_client
    codes = [client.post("/signin", data={"token": f"wrong-{n}"}).status_code for n in range(4)]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429
    blocked = client.post("/signin", data={"token": token}, follow_redirects=False)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1  # even the right one waits
    assert "try again in" in blocked.text


def test_secure_cookie_behind_a_tls_proxy_or_over_https(dev_store):
    from dateline.web import create_app

    db, token, _ = dev_store
    proxied = TestClient(create_app(db, secure_cookies=True))
    res = proxied.post("/signin", data={"token": token}, follow_redirects=False)
    assert "secure" in res.headers["set-cookie"].lower()
    https = TestClient(create_app(db), base_url="https://testserver")
    res = https.post("/signin", data={"token": token}, follow_redirects=False)
    assert "secure" in res.headers["set-cookie"].lower()


def test_security_headers_on_every_answer_including_errors(app_client):
    client, token = app_client

    @client.app.get("/boom-for-test")
    def boom():
        raise RuntimeError("a bug")

    answers = {
        "200": client.get("/"),
        "404": client.get("/api/events/nope"),
        "413": client.post("/api/documents", content=b"x" * 2_100_000,
                           headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}),
        "422": client.get("/api/events", params={"limit": "many"}),
        "500": client.get("/boom-for-test"),
    }
    for code, res in answers.items():
        assert str(res.status_code) == code, (code, res.text)
        assert "script-src 'self'" in res.headers.get("content-security-policy", ""), code
        assert res.headers.get("x-content-type-options") == "nosniff", code
    assert "a bug" not in answers["500"].text and "Traceback" not in answers["500"].text


def test_a_chunked_body_is_capped_as_it_arrives(app_client):
    """No Content-Length: the cap holds on what is received (the real server's memory is
    measured below)."""
    client, token = app_client

    def chunks():
        for _ in range(50):  # 50 x 64 KB, sent chunked
            yield b"a" * 65536

    auth = {"Authorization": f"Bearer {token}"}
    res = client.post("/api/documents", content=chunks(), headers=auth | {"Content-Type": "application/json"})
    assert res.status_code == 413 and "over" in res.json()["error"]
    csrf = sign_in(client, token)
    form = client.post("/add", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 413 and csrf


# ---- against a real server --------------------------------------------------------------

@pytest.fixture(scope="module")
def server(dev_store):
    db, token, _ = dev_store
    with running_server(db, "--quiet", "--request-timeout", "2") as (proc, base):
        yield proc, int(base.rsplit(":", 1)[1]), token


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        return int(next(line for line in fh if line.startswith("VmRSS")).split()[1]) / 1024


def answer_of(sock: socket.socket, limit: float = 10.0) -> bytes:
    sock.settimeout(limit)
    data = b""
    try:
        while True:
            part = sock.recv(65536)
            if not part:
                break
            data += part
    except (TimeoutError, ConnectionResetError):
        pass
    return data


def test_a_200_mb_chunked_body_gets_413_without_the_memory(server):
    proc, port, token = server
    before = rss_mb(proc.pid)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Authorization: Bearer " + token.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n" % (1 << 20) + b"a" * (1 << 20) + b"\r\n"
    sent = 0
    try:
        for _ in range(200):
            sock.sendall(chunk)
            sent += 1
    except (BrokenPipeError, ConnectionResetError):
        pass
    reply = answer_of(sock)
    sock.close()
    grown = rss_mb(proc.pid) - before
    tally(SUITE, inputs=1, refused=int(b" 413 " in reply[:20]), crashes=int(b" 500 " in reply[:20]))
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert grown < 60, f"server grew by {grown:.0f} MB"


def test_slow_headers_and_slow_bodies_are_cut_off(server):
    _, port, _ = server
    started = time.monotonic()
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    closed = False
    try:
        for _ in range(40):  # one header byte every 0.25 s, never finishing
            slow.sendall(b"X")
            time.sleep(0.25)
    except (BrokenPipeError, ConnectionResetError):
        closed = True
    reply = answer_of(slow, 2)
    slow.close()
    assert closed or reply.startswith(b"HTTP/1.1 408") or reply == b""
    assert time.monotonic() - started < 8
    body = socket.create_connection(("127.0.0.1", port))
    body.sendall(b"POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Content-Length: 1000\r\n\r\ntoken=abc")
    started = time.monotonic()
    reply = answer_of(body, 10)
    body.close()
    tally(SUITE, inputs=2, refused=2)
    assert time.monotonic() - started < 6 and reply.startswith(b"HTTP/1.1 408"), reply[:200]
    # the server still answers others
    assert urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read() == b"ok"


def test_reads_and_writes_at_once_in_one_server_never_fail(server):
    """DuckDB refuses a read-only and a read-write connection to one file in one process at
    once; concurrent requests must take turns instead of answering 500."""
    import json
    import threading

    _, port, token = server
    base = f"http://127.0.0.1:{port}"
    mention = json.load(urllib.request.urlopen(base + "/api/events?limit=1", timeout=10))["items"][0]["mention_id"]
    codes: list[int] = []
    stop = threading.Event()

    def read():
        while not stop.is_set():
            try:
                codes.append(urllib.request.urlopen(base + "/api/events?limit=20", timeout=30).status)
            except urllib.error.HTTPError as err:
                codes.append(err.code)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        for n in range(15):
            req = urllib.request.Request(base + "/api/reviews", method="POST",
                                         data=json.dumps({"mention_id": mention, "action": "confirm",
                                                          "note": f"concurrent {n}"}).encode(),
                                         headers={"Authorization": f"Bearer {token}",
                                                  "Content-Type": "application/json"})
            try:
                codes.append(urllib.request.urlopen(req, timeout=30).status)
            except urllib.error.HTTPError as err:
                codes.append(err.code)
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=30)
    tally(SUITE, inputs=len(codes), crashes=sum(c >= 500 for c in codes))
    assert codes.count(201) == 15 and all(c < 500 for c in codes), sorted(set(codes))
