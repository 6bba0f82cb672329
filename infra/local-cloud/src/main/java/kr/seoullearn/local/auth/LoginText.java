package kr.seoullearn.local.auth;

import java.util.Set;

/**
 * The hosted-login stand-in's words, in the languages of Cognito's managed login that the app
 * asks for. Like managed login, the page speaks the language of the {@code lang} query parameter
 * when it is one of Cognito's codes (Cognito developer guide, "Managed login localization": de,
 * en, es, fr, id, it, ja, ko, pt-BR, zh-CN, zh-TW) and English otherwise — Vietnamese (vi) is not
 * one of them, and neither the browser's Accept-Language nor a bare "zh" chooses a language.
 * The stand-in has Korean, English and Simplified Chinese words; Cognito's other codes show English.
 */
record LoginText(String lang, String title, String note, String email, String password, String signIn,
                 String wrong, String missing, String invalid, String signUpTitle, String signUp, String createAccount,
                 String haveAccount, String passwordHint, String exists, String weakPassword,
                 String failed, String codeTitle, String codeLabel, String codeHint, String wrongCode) {

    /** Managed login's language codes (the lang parameter), as the Cognito developer guide lists them. */
    static final Set<String> COGNITO_LANGUAGES = Set.of("de", "en", "es", "fr", "id", "it", "ja", "ko", "pt-BR", "zh-CN", "zh-TW");

    /** The page's words for the lang parameter (case as Cognito writes the codes); English when it names none of them. */
    static LoginText of(String lang) {
        String chosen = lang != null && COGNITO_LANGUAGES.contains(lang) ? lang : "en";
        return switch (chosen) {
            default -> new LoginText("en", "Sign in to Seoul Learn", "Local sign-in page (stands in for the hosted login in AWS).",
                    "Email", "Password", "Sign in", "The email or password is not right. Check them and try again.",
                    "Enter your email and password.", "This sign-in link is not valid. Go back to the app and try again.",
                    "Create your Seoul Learn account", "Create account", "New here? Create an account",
                    "Already have an account? Sign in",
                    "At least 10 characters, with lowercase letters and numbers.",
                    "There is already an account with this email. Sign in instead.",
                    "The password is too weak. Use at least 10 characters, with lowercase letters and numbers.",
                    "Your account was created but could not be set up. Sign in to finish.",
                    "Enter your authenticator code", "6-digit code", "Open your authenticator app and enter the code it shows for Seoul Learn.",
                    "That code is not right. Check the code in your authenticator app and try again.");
            case "zh-CN" -> new LoginText("zh-CN", "登录 Seoul Learn", "本地登录页面（代替 AWS 上的托管登录）。",
                    "电子邮箱", "密码", "登录", "电子邮箱或密码不正确。请检查后重试。",
                    "请输入电子邮箱和密码。", "此登录链接无效。请返回应用后重试。",
                    "创建 Seoul Learn 账户", "创建账户", "第一次来？创建账户",
                    "已有账户？登录",
                    "至少 10 个字符，包含小写字母和数字。",
                    "该电子邮箱已有账户。请直接登录。",
                    "密码太弱。请使用至少 10 个字符，包含小写字母和数字。",
                    "账户已创建，但尚未设置完成。请登录以完成设置。",
                    "输入验证器代码", "6 位代码", "打开验证器应用，输入 Seoul Learn 显示的代码。",
                    "代码不正确。请检查验证器应用中的代码后重试。");
            case "ko" -> new LoginText("ko", "서울런 로그인", "로컬 로그인 화면입니다 (AWS의 호스팅 로그인을 대신합니다).",
                    "이메일", "비밀번호", "로그인", "이메일 또는 비밀번호가 맞지 않습니다. 확인한 뒤 다시 해 주세요.",
                    "이메일과 비밀번호를 입력해 주세요.", "올바른 로그인 링크가 아닙니다. 앱으로 돌아가 다시 해 주세요.",
                    "서울런 계정 만들기", "계정 만들기", "처음이신가요? 계정 만들기",
                    "이미 계정이 있나요? 로그인",
                    "10자 이상, 영문 소문자와 숫자를 넣어 주세요.",
                    "이 이메일로 만든 계정이 이미 있습니다. 로그인해 주세요.",
                    "비밀번호가 너무 약합니다. 10자 이상, 영문 소문자와 숫자를 넣어 주세요.",
                    "계정은 만들었지만 설정을 마치지 못했습니다. 로그인하면 이어서 마칩니다.",
                    "인증 앱 코드를 입력해 주세요", "6자리 코드", "인증 앱을 열고 서울런에 표시된 코드를 입력해 주세요.",
                    "코드가 맞지 않습니다. 인증 앱의 코드를 확인한 뒤 다시 입력해 주세요.");
        };
    }
}
