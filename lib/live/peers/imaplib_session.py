"""A scripted session with Python's imaplib against the lab server; prints JSON for the test."""
import imaplib
import json
import sys

port = int(sys.argv[1])
out = {}
M = imaplib.IMAP4("127.0.0.1", port)
out["login"] = M.login("student", "secret")[0]
out["list"] = [line.decode() for line in M.list()[1]]
out["select"] = M.select("INBOX")[1][0].decode()
headers = M.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])")[1][0][1].decode()
out["headers"] = headers
out["unseen_before"] = M.search(None, "UNSEEN")[1][0].decode()
body = M.fetch("2", "(BODY[])")[1][0][1]
out["body_octets"] = len(body)
out["unseen_after"] = M.search(None, "UNSEEN")[1][0].decode()
out["search_from"] = M.search(None, "FROM", '"chris"')[1][0].decode()
out["store"] = M.store("3", "+FLAGS", "\\Deleted")[1][0].decode()
out["expunge"] = [x.decode() for x in M.expunge()[1]]
out["append"] = M.append("Sent", "\\Seen", None, b"Subject: from imaplib\r\n\r\nhello\r\n")[1][0].decode()
out["uids"] = M.uid("SEARCH", "ALL")[1][0].decode()
out["logout"] = M.logout()[0]
print(json.dumps(out))
