"""Prints ROLE=ID_TOKEN lines for the demo users, signed in through the local cloud's hosted
login (authorization code + PKCE), as the web app and LocalCloudClient do. Usage: tokens.py URL ROLE=EMAIL...
"""
import base64, hashlib, json, secrets, sys, urllib.parse
import requests

base = sys.argv[1].rstrip("/")
client_id = requests.get(base + "/config.json", timeout=30).json()["clientId"]
for pair in sys.argv[2:]:
    role, email = pair.split("=", 1)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    answer = requests.post(base + "/oauth2/authorize", allow_redirects=False, timeout=30, data={
        "response_type": "code", "client_id": client_id, "redirect_uri": base + "/", "scope": "openid email profile",
        "state": "fuzz", "code_challenge": challenge, "code_challenge_method": "S256", "lang": "en",
        "username": email, "password": "seoul-demo-2026"})
    if answer.status_code != 302:
        sys.exit(f"sign-in of the {role} answered {answer.status_code}")
    code = urllib.parse.parse_qs(urllib.parse.urlparse(answer.headers["location"]).query)["code"][0]
    tokens = requests.post(base + "/oauth2/token", timeout=30, data={
        "grant_type": "authorization_code", "client_id": client_id, "code": code,
        "redirect_uri": base + "/", "code_verifier": verifier})
    tokens.raise_for_status()
    print(f"{role}={tokens.json()['id_token']}")
