package kr.seoullearn.local.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.template.Stack;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * A stand-in for Cognito's hosted login on the local cloud (the emulator has none): the OAuth 2.0
 * authorization-code flow with PKCE (S256) at {@code /oauth2/authorize} and {@code /oauth2/token},
 * and {@code /logout}, with Cognito's parameters and answers, so the web app runs the same code
 * here and in AWS. Passwords are checked by the emulator's user pool (AdminInitiateAuth).
 */
public final class HostedLogin {
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The authorize request's parameters, carried through the sign-in and sign-up forms. */
    private static final String[] OAUTH_PARAMETERS = {"client_id", "redirect_uri", "response_type", "scope", "state",
            "code_challenge", "code_challenge_method", "lang"};

    private final CognitoIdentityProviderClient cognito;
    private final Stack.Client client;
    private final Clock clock;
    private final SignUpConfirmation confirmation;
    private final List<String> tenants;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

    /** What Cognito does once a sign-up is confirmed: runs the PostConfirmation trigger. */
    public interface SignUpConfirmation {
        void confirmed(String username) throws Exception;
    }

    public HostedLogin(CognitoIdentityProviderClient cognito, Stack.Client client, Clock clock,
                SignUpConfirmation confirmation, List<String> tenants) {
        this.cognito = cognito;
        this.client = client;
        this.clock = clock;
        this.confirmation = confirmation;
        this.tenants = List.copyOf(tenants);
    }

    public record Answer(int status, String contentType, String body, String location) {
        static Answer redirect(String location) {
            return new Answer(302, "text/plain", "", location);
        }

        static Answer html(int status, String body) {
            return new Answer(status, "text/html; charset=utf-8", body, null);
        }

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, null);
        }
    }

    private record PendingCode(AuthenticationResultType tokens, String clientId, String redirectUri,
                               String challenge, Instant expires) {}

    /** GET /oauth2/authorize: the sign-in form. */
    public Answer authorizeForm(Map<String, String> query, String acceptLanguage) {
        String invalid = invalidAuthorizeRequest(query);
        if (invalid != null) {
            return Answer.html(400, page(LoginText.of(query.get("lang"), acceptLanguage), null, query, invalid));
        }
        return Answer.html(200, page(LoginText.of(query.get("lang"), acceptLanguage), null, query, null));
    }

    /** POST /oauth2/authorize: checks the password and sends the browser back with a code. */
    public Answer authorizeSubmit(Map<String, String> form, String acceptLanguage) {
        LoginText text = LoginText.of(form.get("lang"), acceptLanguage);
        String invalid = invalidAuthorizeRequest(form);
        if (invalid != null) {
            return Answer.html(400, page(text, null, form, invalid));
        }
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        if (username.isEmpty() || password.isEmpty()) {
            return Answer.html(400, page(text, text.missing(), form, null));
        }
        AuthenticationResultType tokens;
        try {
            tokens = cognito.adminInitiateAuth(r -> r.userPoolId(client.userPoolId()).clientId(client.clientId())
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
        } catch (CognitoIdentityProviderException e) {
            return Answer.html(401, page(text, text.wrong(), form, null));
        }
        if (tokens == null) {
            return Answer.html(401, page(text, text.wrong(), form, null));
        }
        String code = randomToken();
        codes.put(code, new PendingCode(tokens, client.clientId(), form.get("redirect_uri"),
                form.get("code_challenge"), clock.instant().plus(CODE_LIFETIME)));
        StringBuilder location = new StringBuilder(form.get("redirect_uri"))
                .append(form.get("redirect_uri").contains("?") ? '&' : '?')
                .append("code=").append(code);
        if (form.get("state") != null) {
            location.append("&state=").append(encode(form.get("state")));
        }
        return Answer.redirect(location.toString());
    }

    /** GET /signup: the sign-up form (Cognito's hosted UI has it beside the sign-in form). */
    public Answer signUpForm(Map<String, String> query, String acceptLanguage) {
        LoginText text = LoginText.of(query.get("lang"), acceptLanguage);
        String invalid = invalidAuthorizeRequest(query);
        return Answer.html(invalid == null ? 200 : 400, signUpPage(text, null, query, invalid));
    }

    /**
     * POST /signup: creates the user in the pool, confirms them (locally there is no e-mail to
     * receive a code), runs the PostConfirmation trigger as Cognito would, and signs them in.
     */
    public Answer signUpSubmit(Map<String, String> form, String acceptLanguage) {
        LoginText text = LoginText.of(form.get("lang"), acceptLanguage);
        String invalid = invalidAuthorizeRequest(form);
        if (invalid != null) {
            return Answer.html(400, signUpPage(text, null, form, invalid));
        }
        String email = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        String tenant = form.getOrDefault("tenant", "");
        if (email.isEmpty() || password.isEmpty() || !tenants.contains(tenant)) {
            return Answer.html(400, signUpPage(text, text.missing(), form, null));
        }
        String locale = form.getOrDefault("lang", text.lang());
        try {
            cognito.signUp(r -> r.clientId(client.clientId()).username(email).password(password).userAttributes(
                    AttributeType.builder().name("email").value(email).build(),
                    AttributeType.builder().name("locale").value(locale).build(),
                    AttributeType.builder().name("custom:tenant").value(tenant).build()));
        } catch (UsernameExistsException e) {
            return Answer.html(409, signUpPage(text, text.exists(), form, null));
        } catch (InvalidPasswordException e) {
            return Answer.html(400, signUpPage(text, text.weakPassword(), form, null));
        } catch (CognitoIdentityProviderException e) {
            return Answer.html(400, signUpPage(text, text.missing(), form, null));
        }
        cognito.adminConfirmSignUp(r -> r.userPoolId(client.userPoolId()).username(email));
        // confirming the mailed code verifies the address (AutoVerifiedAttributes); AdminConfirmSignUp does not (ADR 23)
        cognito.adminUpdateUserAttributes(r -> r.userPoolId(client.userPoolId()).username(email)
                .userAttributes(AttributeType.builder().name("email_verified").value("true").build()));
        try {
            confirmation.confirmed(email);
        } catch (Exception e) {
            return Answer.html(500, signUpPage(text, text.failed(), form, null));
        }
        return authorizeSubmit(form, acceptLanguage);
    }

    /** POST /oauth2/token: authorization_code (with the PKCE verifier) or refresh_token. */
    public Answer token(Map<String, String> form) {
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            PendingCode pending = codes.remove(form.getOrDefault("code", ""));
            if (pending == null || clock.instant().isAfter(pending.expires())
                    || !pending.clientId().equals(form.get("client_id"))
                    || !pending.redirectUri().equals(form.get("redirect_uri"))
                    || !pending.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                return Answer.json(400, "{\"error\":\"invalid_grant\"}");
            }
            AuthenticationResultType t = pending.tokens();
            return Answer.json(200, tokenJson(t.idToken(), t.accessToken(), t.refreshToken(), t.expiresIn()));
        }
        if ("refresh_token".equals(grant)) {
            if (!client.clientId().equals(form.get("client_id")) || form.get("refresh_token") == null) {
                return Answer.json(400, "{\"error\":\"invalid_grant\"}");
            }
            try {
                AuthenticationResultType t = cognito.adminInitiateAuth(r -> r.userPoolId(client.userPoolId())
                        .clientId(client.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", form.get("refresh_token")))).authenticationResult();
                return Answer.json(200, tokenJson(t.idToken(), t.accessToken(), null, t.expiresIn()));
            } catch (CognitoIdentityProviderException e) {
                return Answer.json(400, "{\"error\":\"invalid_grant\"}");
            }
        }
        return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
    }

    /** GET /logout: back to the app if the logout URL is registered for the client. */
    public Answer logout(Map<String, String> query) {
        String target = query.get("logout_uri");
        if (!client.clientId().equals(query.get("client_id")) || target == null || !client.logoutUrls().contains(target)) {
            return Answer.html(400, "<!doctype html><title>Sign out</title><p>Invalid logout request.</p>");
        }
        return Answer.redirect(target);
    }

    private String invalidAuthorizeRequest(Map<String, String> p) {
        if (!client.clientId().equals(p.get("client_id"))) {
            return "unknown client_id";
        }
        if (p.get("redirect_uri") == null || !client.callbackUrls().contains(p.get("redirect_uri"))) {
            return "redirect_uri is not a callback URL of this client";
        }
        if (!"code".equals(p.get("response_type"))) {
            return "response_type must be code";
        }
        if (p.get("code_challenge") == null || !"S256".equals(p.get("code_challenge_method"))) {
            return "PKCE with code_challenge_method=S256 is required";
        }
        return null;
    }

    private static String tokenJson(String id, String access, String refresh, Integer expiresIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_token", id);
        body.put("access_token", access);
        if (refresh != null) {
            body.put("refresh_token", refresh);
        }
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresIn == null ? 3600 : expiresIn);
        return JsonText.write(body);
    }

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String hiddenParams(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : OAUTH_PARAMETERS) {
            if (params.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(params.get(name))).append("\">");
            }
        }
        return hidden.toString();
    }

    private static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        for (String name : OAUTH_PARAMETERS) {
            if (params.get(name) != null) {
                q.append(q.length() == 0 ? "?" : "&").append(name).append('=').append(encode(params.get(name)));
            }
        }
        return q.toString();
    }

    private String signUpPage(LoginText text, String error, Map<String, String> params, String invalidRequest) {
        StringBuilder options = new StringBuilder();
        for (String tenant : tenants) {
            options.append("<option value=\"").append(escape(tenant)).append('"')
                    .append(tenant.equals(params.get("tenant")) ? " selected" : "").append('>')
                    .append(escape(text.tenantName(tenant))).append("</option>");
        }
        String body = invalidRequest != null
                ? "<p role=\"alert\" class=\"error\">" + escape(text.invalid()) + " (" + escape(invalidRequest) + ")</p>"
                : (error == null ? "" : "<p role=\"alert\" class=\"error\" id=\"error\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"/signup\">" + hiddenParams(params)
                + "<label for=\"tenant\">" + escape(text.tenant()) + "</label>"
                + "<select id=\"tenant\" name=\"tenant\">" + options + "</select>"
                + "<label for=\"username\">" + escape(text.email()) + "</label>"
                + "<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\""
                + escape(params.getOrDefault("username", "")) + "\">"
                + "<label for=\"password\">" + escape(text.password()) + "</label>"
                + "<p class=\"note\" id=\"password-hint\">" + escape(text.passwordHint()) + "</p>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" minlength=\"10\" "
                + "aria-describedby=\"password-hint\" required>"
                + "<button id=\"submit\" type=\"submit\">" + escape(text.signUp()) + "</button></form>"
                + "<p><a id=\"sign-in-link\" href=\"/oauth2/authorize" + escape(query(params)) + "\">" + escape(text.haveAccount()) + "</a></p>";
        return shell(text, text.signUpTitle(), body);
    }

    private static String page(LoginText text, String error, Map<String, String> params, String invalidRequest) {
        String hidden = hiddenParams(params);
        String body = invalidRequest != null
                ? "<p role=\"alert\" class=\"error\">" + escape(text.invalid()) + " (" + escape(invalidRequest) + ")</p>"
                : (error == null ? "" : "<p role=\"alert\" class=\"error\" id=\"error\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"/oauth2/authorize\">" + hidden
                + "<label for=\"username\">" + escape(text.email()) + "</label>"
                + "<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\""
                + escape(params.getOrDefault("username", "")) + "\">"
                + "<label for=\"password\">" + escape(text.password()) + "</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button id=\"submit\" type=\"submit\">" + escape(text.signIn()) + "</button></form>"
                + "<p><a id=\"sign-up-link\" href=\"/signup" + escape(query(params)) + "\">" + escape(text.createAccount()) + "</a></p>";
        return shell(text, text.title(), body);
    }

    private static String shell(LoginText text, String title, String body) {
        return "<!doctype html><html lang=\"" + text.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#f6f7f9}"
                + "main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #ccd}"
                + "label{display:block;margin-top:1rem;font-weight:600}"
                + "a{color:#0b4fa3}select,input{width:100%;box-sizing:border-box;padding:.7rem;font-size:1rem;border:1px solid #555;border-radius:4px}"
                + "button{margin-top:1.5rem;width:100%;padding:.8rem;font-size:1rem;background:#0b4fa3;color:#fff;border:0;border-radius:4px}"
                + "button:focus,input:focus{outline:3px solid #f2a900;outline-offset:2px}"
                + ".error{color:#a00000;font-weight:600}.note{color:#444;font-size:.9rem}"
                + "</style></head><body><main><h1>" + escape(title) + "</h1>"
                + "<p class=\"note\">" + escape(text.note()) + "</p>" + body + "</main></body></html>";
    }

    /** The sign-in page's words in the four languages of the programme. */
    record LoginText(String lang, String title, String note, String email, String password, String signIn,
                     String wrong, String missing, String invalid, String signUpTitle, String signUp, String createAccount,
                     String haveAccount, String tenant, String passwordHint, String exists, String weakPassword,
                     String failed, Map<String, String> tenantNames) {

        String tenantName(String id) {
            return tenantNames.getOrDefault(id, id);
        }

        static LoginText of(String lang, String acceptLanguage) {
            String chosen = lang;
            if (chosen == null && acceptLanguage != null && !acceptLanguage.isBlank()) {
                chosen = acceptLanguage.split("[,;-]")[0].strip().toLowerCase(java.util.Locale.ROOT);
            }
            return switch (chosen == null ? "ko" : chosen) {
                case "en" -> new LoginText("en", "Sign in to Seoul Learn", "Local sign-in page (stands in for the hosted login in AWS).",
                        "Email", "Password", "Sign in", "The email or password is not right. Check them and try again.",
                        "Enter your email and password.", "This sign-in link is not valid. Go back to the app and try again.",
                        "Create your Seoul Learn account", "Create account", "New here? Create an account",
                        "Already have an account? Sign in", "Your local government",
                        "At least 10 characters, with lowercase letters and numbers.",
                        "There is already an account with this email. Sign in instead.",
                        "The password is too weak. Use at least 10 characters, with lowercase letters and numbers.",
                        "Your account could not be set up. Try again in a minute.",
                        Map.of("seoul", "Seoul", "chungbuk", "Chungcheongbuk-do"));
                case "vi" -> new LoginText("vi", "Đăng nhập Seoul Learn", "Trang đăng nhập cục bộ (thay cho trang đăng nhập trên AWS).",
                        "Email", "Mật khẩu", "Đăng nhập", "Email hoặc mật khẩu không đúng. Hãy kiểm tra và thử lại.",
                        "Hãy nhập email và mật khẩu.", "Liên kết đăng nhập này không hợp lệ. Hãy quay lại ứng dụng và thử lại.",
                        "Tạo tài khoản Seoul Learn", "Tạo tài khoản", "Lần đầu đến đây? Tạo tài khoản",
                        "Đã có tài khoản? Đăng nhập", "Chính quyền địa phương của bạn",
                        "Ít nhất 10 ký tự, có chữ thường và số.",
                        "Email này đã có tài khoản. Hãy đăng nhập.",
                        "Mật khẩu quá yếu. Dùng ít nhất 10 ký tự, có chữ thường và số.",
                        "Chưa tạo được tài khoản. Hãy thử lại sau một phút.",
                        Map.of("seoul", "Seoul", "chungbuk", "Chungcheongbuk-do"));
                case "zh" -> new LoginText("zh", "登录 Seoul Learn", "本地登录页面（代替 AWS 上的托管登录）。",
                        "电子邮箱", "密码", "登录", "电子邮箱或密码不正确。请检查后重试。",
                        "请输入电子邮箱和密码。", "此登录链接无效。请返回应用后重试。",
                        "创建 Seoul Learn 账户", "创建账户", "第一次来？创建账户",
                        "已有账户？登录", "您所在的地方政府",
                        "至少 10 个字符，包含小写字母和数字。",
                        "该电子邮箱已有账户。请直接登录。",
                        "密码太弱。请使用至少 10 个字符，包含小写字母和数字。",
                        "账户未能创建。请一分钟后重试。",
                        Map.of("seoul", "首尔特别市", "chungbuk", "忠清北道"));
                default -> new LoginText("ko", "서울런 로그인", "로컬 로그인 화면입니다 (AWS의 호스팅 로그인을 대신합니다).",
                        "이메일", "비밀번호", "로그인", "이메일 또는 비밀번호가 맞지 않습니다. 확인한 뒤 다시 해 주세요.",
                        "이메일과 비밀번호를 입력해 주세요.", "올바른 로그인 링크가 아닙니다. 앱으로 돌아가 다시 해 주세요.",
                        "서울런 계정 만들기", "계정 만들기", "처음이신가요? 계정 만들기",
                        "이미 계정이 있나요? 로그인", "사는 지역(지방자치단체)",
                        "10자 이상, 영문 소문자와 숫자를 넣어 주세요.",
                        "이 이메일로 만든 계정이 이미 있습니다. 로그인해 주세요.",
                        "비밀번호가 너무 약합니다. 10자 이상, 영문 소문자와 숫자를 넣어 주세요.",
                        "계정을 만들지 못했습니다. 1분 뒤에 다시 해 주세요.",
                        Map.of("seoul", "서울특별시", "chungbuk", "충청북도"));
            };
        }
    }
}
