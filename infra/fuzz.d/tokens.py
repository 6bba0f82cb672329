"""Prints ROLE=ID_TOKEN lines for the demo users, signed in through the local cloud's hosted
login (authorization code + PKCE), as the web app and LocalCloudClient do. Usage: tokens.py URL ROLE=EMAIL...
"""
import base64, hashlib, hmac, json, re, secrets, struct, sys, time, urllib.parse
import requests

# The seeded staff users' TOTP key (README, "Demo users"): staff sign in with a code as well.
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPSEOULLEARNDEMO23"


def totp(secret, at=None):
    """RFC 6238 (HMAC-SHA1, 6 digits, 30 s), as an authenticator app shows it."""
    key = base64.b32decode(secret)
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)

base = sys.argv[1].rstrip("/")
client_id = requests.get(base + "/config.json", timeout=30).json()["clientId"]
for pair in sys.argv[2:]:
    role, email = pair.split("=", 1)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    oauth = {"response_type": "code", "client_id": client_id, "redirect_uri": base + "/", "scope": "openid email profile",
             "state": "fuzz", "code_challenge": challenge, "code_challenge_method": "S256", "lang": "en"}
    answer = requests.post(base + "/oauth2/authorize", allow_redirects=False, timeout=30,
                           data={**oauth, "username": email, "password": "seoul-demo-2026"})
    handle = re.search(r'name="step" value="totp"><input type="hidden" name="handle" value="([^"]+)"', answer.text)
    if answer.status_code == 200 and handle:
        answer = requests.post(base + "/oauth2/authorize", allow_redirects=False, timeout=30, data={
            **oauth, "step": "totp", "handle": handle.group(1), "code": totp(STAFF_TOTP_SECRET)})
    if answer.status_code != 302:
        sys.exit(f"sign-in of the {role} answered {answer.status_code}")
    code = urllib.parse.parse_qs(urllib.parse.urlparse(answer.headers["location"]).query)["code"][0]
    tokens = requests.post(base + "/oauth2/token", timeout=30, data={
        "grant_type": "authorization_code", "client_id": client_id, "code": code,
        "redirect_uri": base + "/", "code_verifier": verifier})
    tokens.raise_for_status()
    print(f"{role}={tokens.json()['id_token']}")
