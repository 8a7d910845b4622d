"""A scripted session with Python's poplib against the lab server; prints JSON for the test.

mode "quit": DELE 1 then QUIT (committed). mode "drop": DELE 1 then close the socket (rolled back).
"""
import json
import poplib
import sys

port = int(sys.argv[1])
mode = sys.argv[2]
out = {}
P = poplib.POP3("127.0.0.1", port)
out["welcome"] = P.getwelcome().decode()
out["capa"] = sorted(P.capa().keys())
P.user("student")
out["pass"] = P.pass_("secret").decode()
out["stat"] = list(P.stat())
out["list"] = [x.decode() for x in P.list()[1]]
out["uidl"] = [x.decode() for x in P.uidl()[1]]
out["top"] = [x.decode() for x in P.top(1, 0)[1]]
resp, lines, octets = P.retr(1)
out["retr_octets"] = octets
out["retr_first_line"] = lines[0].decode()
P.dele(2)
out["rset"] = P.rset().decode()
out["dele"] = P.dele(1).decode()
if mode == "quit":
    out["quit"] = P.quit().decode()
else:
    P.sock.close()
print(json.dumps(out))
