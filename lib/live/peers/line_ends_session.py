"""Python's poplib and imaplib on a message that arrived with bare LF; prints JSON for the test.

imaplib.append() turns LF into CRLF itself, so the message goes in over a raw socket, as a Unix
tool that writes bare LF would send it: no CRLF anywhere, a "." line, and no final newline.
"""
import imaplib
import json
import poplib
import re
import socket
import sys

imap_port, pop3_port = int(sys.argv[1]), int(sys.argv[2])
MESSAGE = (
    b"From: Unix Tool <tool@example.org>\n"
    b"Subject: bare LF\n"
    b"\n"
    b"first\n"
    b".\n"
    b"after the dot\n"
    b"..two dots\n"
    b"no final newline"
)
out = {}


def tagged(f, tag):
    """Reads lines up to the tagged reply and returns that reply."""
    while True:
        line = f.readline().decode()
        if line.startswith(tag + " ") or not line:
            return line.rstrip("\r\n")


s = socket.create_connection(("127.0.0.1", imap_port))
f = s.makefile("rb")
f.readline()
s.sendall(b"a1 LOGIN student secret\r\n")
tagged(f, "a1")
s.sendall(b"a2 APPEND INBOX {%d+}\r\n" % len(MESSAGE) + MESSAGE + b"\r\n")
out["append"] = tagged(f, "a2")
s.sendall(b"a3 LOGOUT\r\n")
tagged(f, "a3")
s.close()

P = poplib.POP3("127.0.0.1", pop3_port)
P.user("student")
P.pass_("secret")
count, octets = P.stat()
out["stat"] = [count, octets]
out["list_sizes"] = [int(x.split()[1]) for x in P.list()[1]]
resp, lines, retr_octets = P.retr(count)
out["retr_resp"] = resp.decode()
out["retr_lines"] = [x.decode() for x in lines]
out["retr_octets"] = retr_octets
out["top"] = [x.decode() for x in P.top(count, 2)[1]]
# A reply still in step: without dot-stuffing, the rest of the message would be read here.
out["noop"] = P.noop().decode()
out["quit"] = P.quit().decode()

M = imaplib.IMAP4("127.0.0.1", imap_port)
M.login("student", "secret")
M.select("INBOX", readonly=True)
data = M.fetch(str(count), "(RFC822.SIZE BODY.PEEK[])")[1]
out["imap_size"] = int(re.search(rb"RFC822\.SIZE (\d+)", data[0][0]).group(1))
out["imap_body"] = data[0][1].decode()
M.logout()
print(json.dumps(out))
