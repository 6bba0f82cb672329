package kr.seoullearn.local.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The hosted-login stand-in's pages: sign-in, sign-up (e-mail and password only, as Cognito's
 * managed sign-up page: it offers no picker for a custom attribute such as the tenant) and the
 * authenticator code (with MFA OPTIONAL, Cognito's managed login has no set-up page: the app has
 * it). Plain HTML forms, no script.
 */
final class LoginPages {
    /** The authorize request's parameters, carried through the forms. */
    static final String[] OAUTH_PARAMETERS = {"client_id", "redirect_uri", "response_type", "scope", "state",
            "code_challenge", "code_challenge_method", "lang"};

    private LoginPages() {}

    static String signIn(LoginText text, String error, Map<String, String> params, String invalidRequest) {
        String body = invalidRequest != null ? invalid(text, invalidRequest)
                : alert(error)
                + "<form method=\"post\" action=\"/oauth2/authorize\">" + hiddenParams(params)
                + "<label for=\"username\">" + escape(text.email()) + "</label>"
                + "<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\""
                + escape(params.getOrDefault("username", "")) + "\">"
                + "<label for=\"password\">" + escape(text.password()) + "</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button id=\"submit\" type=\"submit\">" + escape(text.signIn()) + "</button></form>"
                + "<p><a id=\"sign-up-link\" href=\"/signup" + escape(query(params)) + "\">" + escape(text.createAccount()) + "</a></p>";
        return shell(text, text.title(), body);
    }

    static String signUp(LoginText text, String error, Map<String, String> params, String invalidRequest) {
        String body = invalidRequest != null ? invalid(text, invalidRequest)
                : alert(error)
                + "<form method=\"post\" action=\"/signup\">" + hiddenParams(params)
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

    /** The second step of a sign-in with TOTP on (Cognito's SOFTWARE_TOKEN_MFA challenge). */
    static String code(LoginText text, String error, Map<String, String> params, String handle) {
        String body = alert(error)
                + "<form method=\"post\" action=\"/oauth2/authorize\">" + hiddenParams(params)
                + "<input type=\"hidden\" name=\"step\" value=\"totp\"><input type=\"hidden\" name=\"handle\" value=\"" + escape(handle) + "\">"
                + "<p class=\"note\" id=\"code-hint\">" + escape(text.codeHint()) + "</p>"
                + "<label for=\"code\">" + escape(text.codeLabel()) + "</label>"
                + "<input id=\"code\" name=\"code\" inputmode=\"numeric\" pattern=\"[0-9]{6}\" maxlength=\"6\" autocomplete=\"one-time-code\" "
                + "aria-describedby=\"code-hint\" required>"
                + "<button id=\"submit\" type=\"submit\">" + escape(text.signIn()) + "</button></form>";
        return shell(text, text.codeTitle(), body);
    }

    /** After a sign-up whose set-up failed: the account exists, so the way on is to sign in. */
    static String signUpFailed(LoginText text, Map<String, String> params) {
        return shell(text, text.signUpTitle(), alert(text.failed())
                + "<p><a id=\"sign-in-link\" href=\"/oauth2/authorize" + escape(query(params)) + "\">" + escape(text.signIn()) + "</a></p>");
    }

    private static String alert(String error) {
        return error == null ? "" : "<p role=\"alert\" class=\"error\" id=\"error\">" + escape(error) + "</p>";
    }

    private static String invalid(LoginText text, String invalidRequest) {
        return "<p role=\"alert\" class=\"error\">" + escape(text.invalid()) + " (" + escape(invalidRequest) + ")</p>";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String hiddenParams(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : OAUTH_PARAMETERS) {
            if (params.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(params.get(name))).append("\">");
            }
        }
        return hidden.toString();
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        for (String name : OAUTH_PARAMETERS) {
            if (params.get(name) != null) {
                q.append(q.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(params.get(name), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private static String shell(LoginText text, String title, String body) {
        return "<!doctype html><html lang=\"" + text.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#f6f7f9}"
                + "main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #ccd}"
                + "label{display:block;margin-top:1rem;font-weight:600}code{word-break:break-all}"
                + "a{color:#0b4fa3}select,input{width:100%;box-sizing:border-box;padding:.7rem;font-size:1rem;border:1px solid #555;border-radius:4px}"
                + "button{margin-top:1.5rem;width:100%;padding:.8rem;font-size:1rem;background:#0b4fa3;color:#fff;border:0;border-radius:4px}"
                + "button:focus,input:focus{outline:3px solid #f2a900;outline-offset:2px}"
                + ".error{color:#a00000;font-weight:600}.note{color:#444;font-size:.9rem}"
                + "</style></head><body><main><h1>" + escape(title) + "</h1>"
                + "<p class=\"note\">" + escape(text.note()) + "</p>" + body + "</main></body></html>";
    }
}
