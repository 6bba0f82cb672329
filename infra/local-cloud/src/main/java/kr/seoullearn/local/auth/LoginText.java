package kr.seoullearn.local.auth;

/** The hosted-login stand-in's words in the four languages of the programme. */
record LoginText(String lang, String title, String note, String email, String password, String signIn,
                 String wrong, String missing, String invalid, String signUpTitle, String signUp, String createAccount,
                 String haveAccount, String passwordHint, String exists, String weakPassword,
                 String failed, String codeTitle, String codeLabel, String codeHint, String wrongCode, String enrolTitle,
                 String enrolSteps, String secretLabel, String confirm) {

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
                    "Already have an account? Sign in",
                    "At least 10 characters, with lowercase letters and numbers.",
                    "There is already an account with this email. Sign in instead.",
                    "The password is too weak. Use at least 10 characters, with lowercase letters and numbers.",
                    "Your account was created but could not be set up. Sign in to finish.",
                    "Enter your authenticator code", "6-digit code", "Open your authenticator app and enter the code it shows for Seoul Learn.",
                    "That code is not right. Check the code in your authenticator app and try again.",
                    "Set up your authenticator app", "Staff accounts need a second step at sign-in. Add this key to an authenticator app (manual entry, time-based), then enter the 6-digit code it shows.",
                    "Key", "Confirm");
            case "vi" -> new LoginText("vi", "Đăng nhập Seoul Learn", "Trang đăng nhập cục bộ (thay cho trang đăng nhập trên AWS).",
                    "Email", "Mật khẩu", "Đăng nhập", "Email hoặc mật khẩu không đúng. Hãy kiểm tra và thử lại.",
                    "Hãy nhập email và mật khẩu.", "Liên kết đăng nhập này không hợp lệ. Hãy quay lại ứng dụng và thử lại.",
                    "Tạo tài khoản Seoul Learn", "Tạo tài khoản", "Lần đầu đến đây? Tạo tài khoản",
                    "Đã có tài khoản? Đăng nhập",
                    "Ít nhất 10 ký tự, có chữ thường và số.",
                    "Email này đã có tài khoản. Hãy đăng nhập.",
                    "Mật khẩu quá yếu. Dùng ít nhất 10 ký tự, có chữ thường và số.",
                    "Tài khoản đã được tạo nhưng chưa thiết lập xong. Hãy đăng nhập để hoàn tất.",
                    "Nhập mã xác thực", "Mã 6 chữ số", "Mở ứng dụng xác thực và nhập mã hiển thị cho Seoul Learn.",
                    "Mã không đúng. Hãy kiểm tra mã trong ứng dụng xác thực và thử lại.",
                    "Thiết lập ứng dụng xác thực", "Tài khoản nhân viên cần thêm một bước khi đăng nhập. Thêm khóa này vào ứng dụng xác thực (nhập thủ công, theo thời gian), rồi nhập mã 6 chữ số.",
                    "Khóa", "Xác nhận");
            case "zh" -> new LoginText("zh", "登录 Seoul Learn", "本地登录页面（代替 AWS 上的托管登录）。",
                    "电子邮箱", "密码", "登录", "电子邮箱或密码不正确。请检查后重试。",
                    "请输入电子邮箱和密码。", "此登录链接无效。请返回应用后重试。",
                    "创建 Seoul Learn 账户", "创建账户", "第一次来？创建账户",
                    "已有账户？登录",
                    "至少 10 个字符，包含小写字母和数字。",
                    "该电子邮箱已有账户。请直接登录。",
                    "密码太弱。请使用至少 10 个字符，包含小写字母和数字。",
                    "账户已创建，但尚未设置完成。请登录以完成设置。",
                    "输入验证器代码", "6 位代码", "打开验证器应用，输入 Seoul Learn 显示的代码。",
                    "代码不正确。请检查验证器应用中的代码后重试。",
                    "设置验证器应用", "工作人员账户登录时需要第二步。请将此密钥添加到验证器应用（手动输入，基于时间），然后输入显示的 6 位代码。",
                    "密钥", "确认");
            default -> new LoginText("ko", "서울런 로그인", "로컬 로그인 화면입니다 (AWS의 호스팅 로그인을 대신합니다).",
                    "이메일", "비밀번호", "로그인", "이메일 또는 비밀번호가 맞지 않습니다. 확인한 뒤 다시 해 주세요.",
                    "이메일과 비밀번호를 입력해 주세요.", "올바른 로그인 링크가 아닙니다. 앱으로 돌아가 다시 해 주세요.",
                    "서울런 계정 만들기", "계정 만들기", "처음이신가요? 계정 만들기",
                    "이미 계정이 있나요? 로그인",
                    "10자 이상, 영문 소문자와 숫자를 넣어 주세요.",
                    "이 이메일로 만든 계정이 이미 있습니다. 로그인해 주세요.",
                    "비밀번호가 너무 약합니다. 10자 이상, 영문 소문자와 숫자를 넣어 주세요.",
                    "계정은 만들었지만 설정을 마치지 못했습니다. 로그인하면 이어서 마칩니다.",
                    "인증 앱 코드를 입력해 주세요", "6자리 코드", "인증 앱을 열고 서울런에 표시된 코드를 입력해 주세요.",
                    "코드가 맞지 않습니다. 인증 앱의 코드를 확인한 뒤 다시 입력해 주세요.",
                    "인증 앱을 설정해 주세요", "직원 계정은 로그인할 때 한 단계가 더 필요합니다. 이 키를 인증 앱에 추가(직접 입력, 시간 기반)한 뒤 앱에 표시된 6자리 코드를 입력해 주세요.",
                    "키", "확인");
        };
    }
}
