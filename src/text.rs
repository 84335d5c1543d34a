//! Every user-visible string of the interface, in Korean, grouped by area.
//!
//! Pages, components and validation refer to these constants instead of writing strings inline, so that a
//! second locale can be added by swapping this one module.

/// The product's name and the tab bar.
pub mod app {
    pub const NAME: &str = "Campus";
    pub const TAGLINE: &str = "우리 학교 학생들만의 커뮤니티와 시간표";
    pub const TAB_HOME: &str = "홈";
    pub const TAB_BOARDS: &str = "게시판";
    pub const TAB_TIMETABLE: &str = "시간표";
    pub const TAB_FRIENDS: &str = "친구";
    pub const TAB_ME: &str = "내 정보";
    /// The tab bar's (on a wide screen, the side navigation's) name for assistive technology.
    pub const MAIN_MENU: &str = "주요 메뉴";
    /// The second column of a wide screen, named for assistive technology.
    pub const SIDE_COLUMN: &str = "HOT, BEST와 오늘의 수업";
    pub const TODAY_CLASSES: &str = "오늘의 수업";
    pub const NO_CLASSES_TODAY: &str = "오늘은 수업이 없어요.";
    pub const NO_TIMETABLE: &str = "이번 학기 시간표를 만들면 오늘의 수업이 여기에 보여요.";
    /// Times in lists: a minute ago, minutes ago, hours ago (then a date).
    pub const JUST_NOW: &str = "방금";
    /// `{}` is a number of minutes.
    pub const MINUTES_AGO: &str = "{}분 전";
    /// `{}` is a number of hours.
    pub const HOURS_AGO: &str = "{}시간 전";
    pub const LOADING: &str = "불러오는 중…";
    pub const NOT_FOUND_TITLE: &str = "페이지를 찾을 수 없습니다";
    pub const NOT_FOUND_BODY: &str = "주소가 바뀌었거나 삭제된 페이지입니다.";
    pub const GO_HOME: &str = "홈으로";
    pub const GO_BOARDS: &str = "게시판 목록";
    pub const FORBIDDEN_TITLE: &str = "볼 수 없는 페이지입니다";
    pub const FAILED_TITLE: &str = "페이지를 불러오지 못했습니다";
    /// Closes a sheet.
    pub const CLOSE: &str = "닫기";
}

/// Errors that are not about one form field.
pub mod errors {
    pub const UNAUTHORIZED: &str = "로그인이 필요합니다.";
    pub const NOT_FOUND: &str = "요청한 내용을 찾을 수 없습니다.";
    pub const INVALID: &str = "입력한 내용을 확인해 주세요.";
    pub const BAD_REQUEST: &str = "요청 형식이 올바르지 않습니다.";
    pub const INTERNAL: &str = "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.";
    pub const NETWORK: &str = "서버에 연결할 수 없습니다. 네트워크 상태를 확인해 주세요.";
    pub const CROSS_SITE: &str = "다른 사이트에서 보낸 요청은 처리할 수 없습니다.";
    /// A request body over the server's limit (413).
    pub const TOO_LARGE: &str = "보낸 내용이 너무 큽니다. 내용을 줄여서 다시 시도해 주세요.";
    /// A request with bytes that are not UTF-8 text, raw or percent-encoded (400).
    pub const NOT_UTF8: &str = "요청에 읽을 수 없는 글자(UTF-8이 아닌 바이트)가 있습니다.";
    /// A value that should come from a list (a select, a URL of the app) and is none of its values (422).
    pub const UNKNOWN_CHOICE: &str = "목록에 있는 항목을 골라 주세요.";
}

/// Sign-up, log-in and the account page.
pub mod auth {
    pub const LOGIN_TITLE: &str = "로그인";
    pub const LOGIN_BUTTON: &str = "로그인";
    pub const LOGGING_IN: &str = "로그인 중…";
    pub const SIGNUP_TITLE: &str = "회원가입";
    pub const SIGNUP_BUTTON: &str = "가입하기";
    pub const SIGNING_UP: &str = "가입하는 중…";
    pub const LOGOUT_BUTTON: &str = "로그아웃";
    pub const NO_ACCOUNT: &str = "아직 계정이 없나요?";
    pub const HAVE_ACCOUNT: &str = "이미 계정이 있나요?";

    pub const USERNAME: &str = "아이디";
    pub const PASSWORD: &str = "비밀번호";
    pub const PASSWORD_CONFIRM: &str = "비밀번호 확인";
    /// The show-password toggle's name; it says whether it is on with `aria-pressed`, so the name stays.
    pub const SHOW_PASSWORD: &str = "비밀번호 보기";
    /// The log-in checkbox. Unticked, the login ends when the browser closes (and after a few hours).
    pub const KEEP_LOGGED_IN: &str = "로그인 유지";
    pub const KEEP_LOGGED_IN_HINT: &str =
        "내 기기에서만 체크하세요. 체크하지 않으면 브라우저를 닫을 때 로그아웃됩니다.";
    pub const NICKNAME: &str = "닉네임";
    pub const SCHOOL: &str = "학교";
    pub const DEPARTMENT: &str = "학과";
    pub const ADMISSION_YEAR: &str = "학번 (입학년도)";
    pub const CHOOSE_ADMISSION_YEAR: &str = "입학년도를 선택하세요";
    /// An option of the 학번 select; `{}` is the year.
    pub const ADMISSION_YEAR_OPTION: &str = "{}년";
    pub const CHOOSE_SCHOOL: &str = "학교를 선택하세요";
    pub const CHOOSE_DEPARTMENT: &str = "학과를 선택하세요";
    pub const CHOOSE_SCHOOL_FIRST: &str = "먼저 학교를 선택하세요";
    pub const USERNAME_HINT: &str = "4~20자 영문, 숫자, _";
    pub const PASSWORD_HINT: &str = "8~64자, 영문·숫자·기호 중 2가지 이상";
    pub const NICKNAME_HINT: &str = "2~10자 한글, 영문, 숫자, _";

    pub const USERNAME_LENGTH: &str = "아이디는 4~20자여야 합니다.";
    pub const USERNAME_CHARS: &str = "아이디는 영문, 숫자, _만 사용할 수 있습니다.";
    pub const USERNAME_TAKEN: &str = "이미 사용 중인 아이디입니다.";
    pub const PASSWORD_LENGTH: &str = "비밀번호는 8~64자여야 합니다.";
    pub const PASSWORD_KINDS: &str = "비밀번호는 영문, 숫자, 기호 중 2가지 이상을 섞어야 합니다.";
    pub const PASSWORD_CONTROL: &str = "비밀번호에 사용할 수 없는 문자가 있습니다.";
    pub const NICKNAME_LENGTH: &str = "닉네임은 2~10자여야 합니다.";
    pub const NICKNAME_CHARS: &str = "닉네임은 한글, 영문, 숫자, _만 사용할 수 있습니다.";
    pub const NICKNAME_TAKEN: &str = "같은 학교에 이미 있는 닉네임입니다.";
    pub const SCHOOL_REQUIRED: &str = "학교를 선택해 주세요.";
    pub const DEPARTMENT_REQUIRED: &str = "학과를 선택해 주세요.";
    pub const DEPARTMENT_MISMATCH: &str = "선택한 학교의 학과가 아닙니다.";
    pub const ADMISSION_YEAR_INVALID: &str = "입학년도를 선택해 주세요.";
    /// The span is `model::account::ADMISSION_YEARS_BACK`.
    pub const ADMISSION_YEAR_RANGE: &str = "입학년도는 올해부터 15년 전까지만 선택할 수 있습니다.";
    pub const PASSWORD_MISMATCH: &str = "비밀번호가 일치하지 않습니다.";

    pub const LOGIN_FAILED: &str = "아이디 또는 비밀번호가 올바르지 않습니다.";
    pub const LOGIN_FIELDS_REQUIRED: &str = "아이디와 비밀번호를 입력해 주세요.";
    /// Shown when an account is locked after too many failures; `{}` is the wait in minutes.
    pub const ACCOUNT_THROTTLED: &str = "로그인 시도가 너무 많습니다. {}분 후에 다시 시도해 주세요.";
    pub const ADDRESS_THROTTLED: &str =
        "이 네트워크에서 로그인 시도가 너무 많습니다. {}분 후에 다시 시도해 주세요.";
    /// `{}` is the wait in minutes.
    pub const SIGNUP_THROTTLED: &str =
        "이 네트워크에서 가입이 너무 많았습니다. {}분 후에 다시 시도해 주세요.";
    /// Sign-ups from one network arrive faster than the pace; `{}` is the wait in seconds.
    pub const SIGNUP_PACED: &str = "이 네트워크에서 가입 요청이 몰리고 있어요. {}초 후에 다시 시도해 주세요.";
    /// Too many sign-ups with taken names from one network; `{}` is the wait in minutes.
    pub const SIGNUP_FAILURES_THROTTLED: &str =
        "이 네트워크에서 실패한 가입 시도가 너무 많습니다. {}분 후에 다시 시도해 주세요.";
}

/// The 내 정보 page.
pub mod profile {
    pub const TITLE: &str = "내 정보";
    pub const SCHOOL: &str = "학교";
    pub const DEPARTMENT: &str = "학과";
    pub const ADMISSION: &str = "학번";
    pub const JOINED: &str = "가입일";
    pub const USERNAME: &str = "아이디";
    /// "24학번" from the two last digits of the admission year.
    pub const ADMISSION_SUFFIX: &str = "학번";
    pub const MY_TIMETABLE_PAGE: &str = "친구에게 보이는 내 시간표";
    /// The links to the student's own lists and pages, named for assistive technology.
    pub const MY_LINKS: &str = "내 활동";

    pub const THEME: &str = "화면 테마";
    pub const THEME_SYSTEM: &str = "기기 설정";
    pub const THEME_LIGHT: &str = "라이트";
    pub const THEME_DARK: &str = "다크";
    pub const THEME_NOTE: &str = "이 기기에만 적용됩니다. 기기 설정을 고르면 휴대폰의 다크 모드를 따릅니다.";
    pub const APPLY: &str = "적용";

    pub const SETTINGS: &str = "계정 설정";
    pub const CHANGE_NICKNAME: &str = "닉네임 변경";
    pub const NEW_NICKNAME: &str = "새 닉네임";
    /// `{}` is the configured number of days.
    pub const NICKNAME_RULE: &str = "닉네임은 {}일에 한 번 바꿀 수 있습니다.";
    /// `{}` is the date from which it may change again.
    pub const NICKNAME_NEXT_CHANGE: &str = "{}부터 다시 바꿀 수 있어요.";
    pub const NICKNAME_CHANGED: &str = "닉네임을 바꿨습니다.";
    pub const SAME_NICKNAME: &str = "지금 쓰는 닉네임과 같습니다.";
    /// `{}` is the configured number of days, then the date from which it may change again.
    pub const NICKNAME_TOO_SOON: &str =
        "닉네임은 {}일에 한 번만 바꿀 수 있습니다. {}부터 다시 바꿀 수 있어요.";
    pub const CHANGE_PASSWORD: &str = "비밀번호 변경";
    pub const CURRENT_PASSWORD: &str = "현재 비밀번호";
    pub const NEW_PASSWORD: &str = "새 비밀번호";
    pub const NEW_PASSWORD_CONFIRM: &str = "새 비밀번호 확인";
    pub const PASSWORD_CHANGED: &str = "비밀번호를 바꿨습니다. 다른 기기의 로그인은 모두 끝났습니다.";
    pub const WRONG_PASSWORD: &str = "현재 비밀번호가 올바르지 않습니다.";
    pub const SAME_PASSWORD: &str = "새 비밀번호가 지금 비밀번호와 같습니다.";
    pub const LOG_OUT_EVERYWHERE: &str = "모든 기기에서 로그아웃";
    pub const CONFIRM_LOG_OUT_EVERYWHERE: &str = "이 기기를 포함한 모든 기기에서 로그아웃할까요?";
    pub const DELETE_ACCOUNT: &str = "회원 탈퇴";
    pub const DELETE_NOTICE: &str = "탈퇴하면 시간표, 친구, 스크랩이 삭제되고 되돌릴 수 없습니다. 쓴 글과 댓글은 남으며 (탈퇴한 사용자)로 표시되고, 익명 글은 계속 익명입니다. 아이디는 다시 쓸 수 없습니다.";
    pub const CONFIRM_DELETE_ACCOUNT: &str = "정말 탈퇴하시겠습니까? 되돌릴 수 없습니다.";
    pub const SAVE: &str = "저장";
}

/// The home page.
pub mod home {
    pub const WELCOME_GUEST: &str = "우리 학교 학생들과 이야기하고, 시간표를 만들어 보세요.";
    pub const START: &str = "시작하기";
    /// Greeting; `{}` is the nickname.
    pub const GREETING: &str = "{}님, 반가워요!";
    pub const PINNED: &str = "즐겨찾는 게시판";
    pub const ALL_BOARDS: &str = "게시판 목록";
    pub const NO_PINS: &str =
        "즐겨찾는 게시판이 없어요. 게시판 이름 옆의 ☆를 누르면 여기에 그 게시판의 새 글이 보여요.";
    pub const BOARD_EMPTY: &str = "아직 글이 없어요.";
    pub const TRENDING: &str = "실시간 인기 글";
    pub const TRENDING_EMPTY: &str = "최근 몇 시간 동안 공감이나 댓글을 받은 글이 없어요.";
    pub const TRENDING_MORE: &str = "HOT 게시판";
    pub const REVIEWS: &str = "최근 강의평";
    pub const REVIEWS_EMPTY: &str = "아직 우리 학교에 올라온 강의평이 없어요.";
    pub const REVIEWS_MORE: &str = "강의평";
    pub const HOT_MORE: &str = "HOT 게시판";
    pub const BEST: &str = "BEST 게시판";
    pub const BEST_MORE: &str = "BEST 게시판";
    pub const TODAY_MORE: &str = "시간표";
    /// The pin toggle's accessible name when the board is not pinned, and when it is.
    pub const PIN: &str = "즐겨찾기에 추가";
    pub const UNPIN: &str = "즐겨찾기에서 빼기";
    /// `{}` is the limit.
    pub const PIN_LIMIT_REACHED: &str =
        "즐겨찾는 게시판은 {}개까지 고를 수 있어요. 다른 게시판을 먼저 빼 주세요.";
}

/// Puts `value` in place of the `{}` in a message template.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

/// Boards, posts and comments.
pub mod community {
    pub const ANONYMOUS: &str = "익명";
    pub const ANONYMOUS_POST_AUTHOR: &str = "익명(글쓴이)";
    pub const WITHDRAWN: &str = "(탈퇴한 사용자)";
    pub const DELETED_COMMENT: &str = "삭제된 댓글입니다.";
    pub const EDITED: &str = "(수정됨)";
    pub const QUESTION: &str = "질문";
    pub const BOARDS_TITLE: &str = "게시판";
    pub const HOT: &str = "HOT 게시판";
    pub const BEST: &str = "BEST 게시판";
    pub const MY_POSTS: &str = "내가 쓴 글";
    pub const MY_COMMENTED: &str = "댓글 단 글";
    pub const MY_SCRAPS: &str = "내 스크랩";
    pub const SEARCH: &str = "검색";
    pub const SEARCH_PLACEHOLDER: &str = "글 제목, 내용";
    pub const SEARCH_TOO_SHORT: &str = "검색어를 두 글자 이상 입력해 주세요.";
    pub const SEARCH_INVALID_CHARS: &str = "검색어에 쓸 수 없는 제어 문자가 있습니다.";
    pub const NO_RESULTS: &str = "검색 결과가 없어요.";
    /// A search looks through a bounded number of posts per page: shown when that part held nothing.
    pub const NO_RESULTS_YET: &str = "최근 글에서는 찾지 못했어요. 이전 글에서 더 찾아볼 수 있어요.";
    pub const SEARCH_OLDER: &str = "이전 글에서 더 찾기";
    pub const EMPTY_LIST: &str = "아직 아무 글도 없어요.";
    /// `{}` is the number of 공감 that takes a post into the list.
    pub const HOT_EMPTY: &str = "아직 HOT 게시물이 없어요. 공감을 {}개 받은 글이 HOT 게시판에 올라와요.";
    /// `{}` is the number of 공감 that takes a post into the list.
    pub const BEST_EMPTY: &str = "아직 BEST 게시물이 없어요. 공감을 {}개 받은 글이 BEST 게시판에 올라와요.";
    /// `{}` is the number of posts found; no older posts are left to look through.
    pub const RESULT_COUNT: &str = "검색 결과 {}개";
    /// `{}` is the number of posts found in the posts looked through so far.
    pub const RESULT_COUNT_SO_FAR: &str = "지금까지 찾은 글 {}개";
    pub const HOT_ON_HOME: &str = "HOT 게시물";
    pub const BEST_ON_HOME: &str = "BEST 게시물";
    pub const RECENT: &str = "최신 글";
    pub const SEE_ALL: &str = "더 보기";
    pub const WRITE: &str = "글쓰기";
    pub const MORE: &str = "더 보기";
    pub const NO_POSTS: &str = "아직 글이 없어요. 첫 글을 남겨 보세요!";
    pub const NO_COMMENTS: &str = "아직 댓글이 없어요.";
    pub const COMMENTS: &str = "댓글";
    pub const TITLE: &str = "제목";
    pub const BODY: &str = "내용";
    pub const ANONYMOUS_CHECK: &str = "익명";
    pub const QUESTION_CHECK: &str = "질문";
    pub const QUESTION_NOTICE: &str = "질문 글은 댓글이 달리면 수정하거나 삭제할 수 없어요.";
    pub const POST_BUTTON: &str = "완료";
    pub const CANCEL: &str = "취소";
    pub const DRAFT_RESTORED: &str = "작성하던 글을 불러왔어요.";
    pub const DRAFT_DISCARD: &str = "새로 쓰기";
    pub const COMMENT_PLACEHOLDER: &str = "댓글을 입력하세요.";
    pub const REPLY_PLACEHOLDER: &str = "대댓글을 입력하세요.";
    pub const COMMENT_BUTTON: &str = "등록";
    pub const REPLY: &str = "대댓글";
    /// Above the comment box while a reply is written; `{}` is how the answered comment's author shows.
    pub const REPLYING_TO: &str = "{}에게 대댓글 쓰는 중";
    pub const CANCEL_REPLY: &str = "취소";
    pub const LIKE: &str = "공감";
    pub const SCRAP: &str = "스크랩";
    pub const UNSCRAP: &str = "스크랩 취소";
    pub const EDIT: &str = "수정";
    pub const DELETE: &str = "삭제";
    pub const CONFIRM_LIKE: &str = "이 글에 공감하시겠습니까? 공감은 취소할 수 없습니다.";
    pub const CONFIRM_LIKE_COMMENT: &str = "이 댓글에 공감하시겠습니까? 공감은 취소할 수 없습니다.";
    pub const CONFIRM_DELETE: &str = "정말 삭제하시겠습니까?";
    /// The confirmation pages (`pages::confirm`), where the thread's buttons lead before the page hydrates.
    pub const LIKE_POST_QUESTION: &str = "이 글에 공감하시겠습니까?";
    pub const LIKE_COMMENT_QUESTION: &str = "이 댓글에 공감하시겠습니까?";
    pub const LIKE_IS_FINAL: &str = "공감은 취소할 수 없습니다.";
    pub const DELETE_POST_QUESTION: &str = "이 글을 삭제하시겠습니까?";
    pub const DELETE_COMMENT_QUESTION: &str = "이 댓글을 삭제하시겠습니까?";
    pub const DELETE_IS_FINAL: &str = "삭제하면 되돌릴 수 없습니다.";
    pub const BACK_TO_POST: &str = "글로 돌아가기";

    pub const TITLE_REQUIRED: &str = "제목을 입력해 주세요.";
    pub const TITLE_TOO_LONG: &str = "제목은 100자까지 쓸 수 있습니다.";
    pub const BODY_REQUIRED: &str = "내용을 입력해 주세요.";
    pub const BODY_TOO_LONG: &str = "내용은 5,000자까지 쓸 수 있습니다.";
    /// Titles are one line: no control characters (line breaks, tabs, NUL, …) and no characters that
    /// reverse the direction of the text around them.
    pub const TITLE_INVALID_CHARS: &str =
        "제목에는 줄바꿈, 탭, 제어 문자, 글자 방향을 바꾸는 문자를 쓸 수 없습니다.";
    /// Bodies and comments keep line breaks and tabs; other control characters (NUL, …) are refused.
    pub const BODY_INVALID_CHARS: &str = "내용에 쓸 수 없는 제어 문자가 있습니다.";
    pub const COMMENT_INVALID_CHARS: &str = "댓글에 쓸 수 없는 제어 문자가 있습니다.";
    pub const COMMENT_REQUIRED: &str = "댓글 내용을 입력해 주세요.";
    pub const COMMENT_TOO_LONG: &str = "댓글은 1,000자까지 쓸 수 있습니다.";
    /// `{}` is the number of seconds left.
    pub const POSTING_TOO_FAST: &str = "글을 너무 자주 쓰고 있어요. {}초 후에 다시 시도해 주세요.";
    /// `{}` is the number of seconds left.
    pub const COMMENTING_TOO_FAST: &str = "댓글을 너무 자주 쓰고 있어요. {}초 후에 다시 시도해 주세요.";
    /// `{}` is the wait in minutes.
    pub const REPORTING_TOO_FAST: &str = "신고를 너무 많이 했어요. {}분 후에 다시 시도해 주세요.";
    pub const DUPLICATE_POST: &str = "직전에 쓴 글과 같은 내용은 다시 올릴 수 없습니다.";
    pub const QUESTION_LOCKED: &str = "댓글이 달린 질문 글은 수정하거나 삭제할 수 없습니다.";
    pub const QUESTION_FLAG_FIXED: &str = "질문 글의 질문 설정은 해제할 수 없습니다.";
    pub const NOT_YOURS: &str = "본인이 쓴 글만 수정하거나 삭제할 수 있습니다.";
    pub const NOT_YOUR_COMMENT: &str = "본인이 쓴 댓글만 수정하거나 삭제할 수 있습니다.";
    pub const ALREADY_LIKED: &str = "이미 공감한 글입니다.";
    pub const ALREADY_LIKED_COMMENT: &str = "이미 공감한 댓글입니다.";
    pub const OWN_LIKE: &str = "내가 쓴 글에는 공감할 수 없습니다.";
    pub const OWN_LIKE_COMMENT: &str = "내가 쓴 댓글에는 공감할 수 없습니다.";
    pub const OWN_SCRAP: &str = "내가 쓴 글은 스크랩할 수 없습니다.";
    pub const REPORT: &str = "신고";
    pub const REPORT_BUTTON: &str = "신고하기";
    pub const REPORT_LOADING: &str = "신고 양식을 불러오는 중이에요…";
    pub const REPORT_REASON: &str = "신고 사유";
    pub const REPORTED: &str = "신고가 접수되었습니다.";
    /// The reasons a student can give (`model::community::ReportReason`).
    pub const REASON_OFF_TOPIC: &str = "게시판 성격에 부적절함";
    pub const REASON_ABUSE: &str = "욕설/비하";
    pub const REASON_OBSCENE: &str = "음란물/불건전한 만남 및 대화";
    pub const REASON_ADVERTISING: &str = "상업적 광고 및 판매";
    pub const REASON_FRAUD: &str = "유출/사칭/사기";
    pub const REASON_SPAM: &str = "낚시/놀람/도배";
    pub const REASON_POLITICAL: &str = "정당/정치인 비하 및 선거운동";
    pub const REASON_ILLEGAL_FILMING: &str = "불법촬영물 등의 유통";
    pub const REPORT_REASON_INVALID: &str = "신고 사유를 선택해 주세요.";
    pub const ALREADY_REPORTED: &str = "이미 신고했습니다.";
    pub const OWN_REPORT: &str = "내가 쓴 글이나 댓글은 신고할 수 없습니다.";
    pub const HIDDEN_NOTICE: &str = "신고가 누적되어 검토 중인 글입니다. 작성자와 관리자에게만 보입니다.";
    pub const MODERATION_TITLE: &str = "신고 검토";
    pub const MODERATION_EMPTY: &str = "검토할 신고가 없습니다.";
    pub const RESTORE: &str = "복구";
    pub const REMOVE: &str = "삭제";
    pub const HIDDEN: &str = "숨김";
    /// The review queue's mark on a reported 쪽지.
    pub const MESSAGE: &str = "쪽지";
    pub const ADMIN_ONLY: &str = "관리자만 볼 수 있습니다.";
}

/// The timetable, the course catalogue, 강의평 and the professor lookup.
pub mod timetable {
    pub const TITLE: &str = "시간표";
    pub const TERMS: [&str; 4] = ["1학기", "여름학기", "2학기", "겨울학기"];
    pub const WEEKDAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
    pub const SEMESTER: &str = "학기";
    pub const TIMETABLE: &str = "시간표 선택";
    pub const PUBLIC: &str = "전체공개";
    pub const FRIENDS_ONLY: &str = "친구공개";
    pub const PRIVATE: &str = "비공개";
    pub const VISIBILITY: &str = "공개 범위";
    pub const PRIMARY: &str = "기본";
    pub const MAKE_PRIMARY: &str = "기본 시간표로 설정";
    pub const NEW_TIMETABLE: &str = "새 시간표";
    pub const SETTINGS: &str = "설정";
    pub const SETTINGS_TITLE: &str = "시간표 설정";
    pub const TIMETABLE_NAME: &str = "시간표 이름";
    pub const SAVE: &str = "저장";
    pub const RENAMED: &str = "이름을 바꿨습니다.";
    /// `{}` is the visibility chosen (전체공개, 친구공개, 비공개).
    pub const VISIBILITY_CHANGED: &str = "공개 범위를 {}로 바꿨습니다.";
    pub const VISIBILITY_NOTE: &str =
        "기본 시간표가 전체공개면 우리 학교 학생 모두에게, 친구공개면 친구에게만 보입니다.";
    pub const PRIMARY_TIMETABLE: &str = "기본 시간표";
    pub const PRIMARY_NOTE: &str = "다른 학생에게는 학기마다 기본 시간표 하나만 보입니다.";
    pub const IS_PRIMARY: &str = "이 학기의 기본 시간표입니다.";
    pub const PRIMARY_SET: &str = "기본 시간표로 설정했습니다.";
    pub const CREATE: &str = "만들기";
    pub const DELETE_TIMETABLE: &str = "시간표 삭제";
    pub const CONFIRM_DELETE_TIMETABLE: &str = "이 시간표를 삭제하시겠습니까?";
    pub const NAME: &str = "이름";
    /// The name a new timetable is offered; `{}` is its number among the semester's timetables.
    pub const DEFAULT_NAME: &str = "시간표 {}";
    /// `{}` is the year, then the term.
    pub const SEMESTER_NAME: &str = "{}년 {}";
    /// `{}` is a number of stars (1–5).
    pub const STAR_COUNT: &str = "{}점";
    /// `{}` is a number of exams.
    pub const EXAM_COUNT: &str = "{}회";
    pub const NO_TIMETABLE: &str = "이 학기의 시간표가 아직 없어요. 시간표를 만들고 수업을 추가해 보세요.";
    pub const EMPTY_TIMETABLE: &str = "아직 추가한 수업이 없어요. 수업 추가를 눌러 수업을 검색해 보세요.";
    /// `{}` is the number of credits.
    pub const CREDITS_TOTAL: &str = "총 {}학점";
    pub const CREDITS: &str = "학점";
    pub const ADD_COURSE: &str = "수업 추가";
    pub const ADD: &str = "추가";
    pub const PREVIEW: &str = "미리보기";
    /// On a previewed course's block that overlaps an entry of the timetable.
    pub const PREVIEW_CLASH: &str = "시간 겹침";
    pub const REMOVE: &str = "시간표에서 삭제";
    pub const CONFIRM_REMOVE: &str = "이 수업을 시간표에서 삭제하시겠습니까?";
    pub const ADD_CUSTOM: &str = "직접 추가";
    /// The course sheet: 미리보기 shrinks it to one course; this brings the list back.
    pub const BACK_TO_LIST: &str = "목록으로";
    pub const COURSE_ADDED: &str = "시간표에 추가했습니다.";
    pub const CUSTOM_NAME: &str = "일정 이름";
    pub const PROFESSOR: &str = "교수";
    pub const ROOM: &str = "장소";
    pub const WEEKDAY: &str = "요일";
    pub const START: &str = "시작";
    pub const END: &str = "종료";
    pub const WRITE_REVIEW: &str = "강의평 쓰기";

    pub const SEARCH: &str = "검색";
    pub const SEARCH_PLACEHOLDER: &str = "과목명, 교수명, 과목코드, 강의실";
    pub const ALL_DEPARTMENTS: &str = "전체 학과";
    pub const ALL_CREDITS: &str = "전체 학점";
    pub const ALL_WEEKDAYS: &str = "전체 요일";
    pub const ALL_CATEGORIES: &str = "전체 구분";
    pub const SORT: &str = "정렬";
    /// The catalogue filters' names (their first entry reads 전체 …).
    pub const DEPARTMENT: &str = "학과";
    pub const CREDITS_FILTER: &str = "학점";
    pub const SORT_NAME: &str = "과목명순";
    pub const SORT_CODE: &str = "과목코드순";
    pub const SORT_RATING: &str = "강의평순";
    pub const SORT_POPULAR: &str = "담은 인원순";
    pub const NO_COURSES: &str = "조건에 맞는 수업이 없습니다.";
    pub const MORE: &str = "더 보기";
    pub const ADDED_COUNT: &str = "담은 수";
    pub const GENERAL_EDUCATION: &str = "교양";
    pub const CAPACITY: &str = "정원";
    pub const CATEGORY: &str = "이수 구분";

    pub const REVIEWS: &str = "강의평";
    /// The average and the distribution of stars, named for assistive technology.
    pub const RATING_SUMMARY: &str = "강의평 요약";
    pub const NO_REVIEWS: &str = "아직 강의평이 없습니다. 첫 강의평을 남겨 주세요.";
    pub const NO_RATING: &str = "-";
    /// `{}` is the semester, e.g. 2026년 2학기.
    pub const TAKEN_IN: &str = "{} 수강자";
    pub const STARS: &str = "별점";
    pub const REVIEW_BODY: &str = "총평";
    pub const REVIEW_PLACEHOLDER: &str = "수업 방식, 난이도, 추천 대상 등을 10자 이상 적어 주세요.";
    pub const ASSIGNMENTS: &str = "과제";
    pub const TEAM_PROJECTS: &str = "조모임";
    pub const GRADING_LABEL: &str = "성적";
    pub const ATTENDANCE_LABEL: &str = "출결";
    pub const EXAMS: &str = "시험 횟수";
    /// The answers of a review's detail questions (`model::timetable::{Amount, Grading, Attendance}`).
    pub const AMOUNT_MANY: &str = "많음";
    pub const AMOUNT_AVERAGE: &str = "보통";
    pub const AMOUNT_NONE: &str = "없음";
    pub const GRADING_LENIENT: &str = "너그러움";
    pub const GRADING_AVERAGE: &str = "보통";
    pub const GRADING_STRICT: &str = "깐깐함";
    pub const ATTENDANCE_MIXED: &str = "혼용";
    pub const ATTENDANCE_ROLL_CALL: &str = "직접호명";
    pub const ATTENDANCE_ASSIGNED_SEATS: &str = "지정좌석";
    pub const ATTENDANCE_ELECTRONIC: &str = "전자출결";
    pub const ATTENDANCE_NOT_COUNTED: &str = "반영안함";
    /// Course categories (`model::timetable::CourseCategory`).
    pub const MAJOR_REQUIRED: &str = "전공필수";
    pub const MAJOR_ELECTIVE: &str = "전공선택";
    pub const GENERAL_REQUIRED: &str = "교양필수";
    pub const GENERAL_ELECTIVE: &str = "교양선택";
    pub const SUBMIT_REVIEW: &str = "강의평 등록";
    pub const DELETE_REVIEW: &str = "강의평 삭제";
    pub const ALREADY_REVIEWED: &str = "이미 이 강의에 강의평을 남겼습니다.";
    pub const MY_REVIEW_EXISTS: &str = "이 강의에 남긴 강의평이 있습니다.";
    pub const ANONYMOUS_REVIEWER: &str = "익명";

    pub const PROFESSORS_TITLE: &str = "교수 검색";
    pub const PROFESSOR_PLACEHOLDER: &str = "교수 이름 (2자 이상)";
    pub const NO_PROFESSORS: &str = "검색 결과가 없습니다.";
    /// `{}` is the number of courses.
    pub const COURSE_COUNT: &str = "강의 {}개";
    pub const PROFESSOR_COURSES: &str = "개설 강의";
    pub const FIND_PROFESSOR: &str = "교수 검색";

    pub const PRIVATE_TIMETABLE: &str = "비공개 시간표입니다";
    pub const FRIENDS_ONLY_TIMETABLE: &str = "친구에게만 공개된 시간표입니다";
    /// `{}` is the nickname.
    pub const STUDENT_TIMETABLE: &str = "{}님의 시간표";

    /// `{}` is the clashing course's name.
    pub const TIME_CONFLICT: &str = "'{}' 수업과 시간이 겹칩니다.";
    pub const DUPLICATE_COURSE: &str = "이미 시간표에 있는 수업입니다.";
    pub const TIMETABLE_FULL: &str = "시간표에는 30개까지 추가할 수 있습니다.";
    pub const OTHER_SEMESTER: &str = "다른 학기의 수업은 이 시간표에 추가할 수 없습니다.";
    pub const NAME_TAKEN: &str = "같은 이름의 시간표가 이미 있습니다.";
    pub const TIMETABLE_NAME_REQUIRED: &str = "시간표 이름을 입력해 주세요.";
    pub const TIMETABLE_NAME_TOO_LONG: &str = "시간표 이름은 20자까지 쓸 수 있습니다.";
    pub const ENTRY_NAME_REQUIRED: &str = "일정 이름을 입력해 주세요.";
    pub const ENTRY_NAME_TOO_LONG: &str = "일정 이름은 30자까지 쓸 수 있습니다.";
    pub const ENTRY_DETAIL_TOO_LONG: &str = "20자까지 쓸 수 있습니다.";
    pub const WEEKDAY_INVALID: &str = "요일을 선택해 주세요.";
    pub const TIME_INVALID: &str = "시간을 HH:MM 형식으로 입력해 주세요.";
    pub const FIVE_MINUTE_STEPS: &str = "시간은 5분 단위로 입력해 주세요.";
    pub const END_BEFORE_START: &str = "종료 시간은 시작 시간보다 늦어야 합니다.";
    pub const SEARCH_TOO_SHORT: &str = "검색어를 2자 이상 입력해 주세요.";
    pub const SEARCH_INVALID_CHARS: &str = "검색어에 쓸 수 없는 제어 문자가 있습니다.";
    pub const CATEGORY_INVALID: &str = "이수 구분을 목록에서 골라 주세요.";
    /// Timetable names and the name, professor and room of a custom entry are one line each.
    pub const LINE_INVALID_CHARS: &str = "줄바꿈, 탭, 제어 문자, 글자 방향을 바꾸는 문자는 쓸 수 없습니다.";
    pub const SEMESTER_INVALID: &str = "학기를 다시 선택해 주세요.";
    pub const STARS_INVALID: &str = "별점을 1~5점 중에서 골라 주세요.";
    pub const REVIEW_TOO_SHORT: &str = "강의평을 10자 이상 적어 주세요.";
    pub const REVIEW_TOO_LONG: &str = "강의평은 1,000자까지 쓸 수 있습니다.";
    pub const REVIEW_INVALID_CHARS: &str = "강의평에 쓸 수 없는 제어 문자가 있습니다.";
    pub const CHOOSE_ONE: &str = "항목을 하나 골라 주세요.";
    pub const EXAMS_INVALID: &str = "시험 횟수는 0~10회로 입력해 주세요.";

    // Sharing a timetable: its link (`/timetables/:id`) and its image.
    pub const SHARE: &str = "공유";
    pub const SHARE_TITLE: &str = "시간표 공유";
    pub const SHARE_LINK: &str = "공유 링크";
    pub const SHARE_ACTION: &str = "링크 보내기";
    pub const LINK_SHARED: &str = "링크를 보냈어요.";
    pub const LINK_COPIED: &str = "링크를 복사했어요.";
    /// Neither the share sheet nor the clipboard answered: the link is selected in its field instead.
    pub const LINK_NOT_COPIED: &str = "복사하지 못했어요. 위의 링크를 길게 눌러 복사해 주세요.";
    /// Who opens the link, by the timetable's visibility (`Visibility::link_audience`).
    pub const LINK_FOR_SCHOOL: &str = "전체공개: 우리 학교 학생이면 누구나 이 링크로 볼 수 있어요.";
    pub const LINK_FOR_FRIENDS: &str = "친구공개: 친구만 이 링크로 볼 수 있어요.";
    pub const LINK_FOR_NOBODY: &str = "비공개면 나만 볼 수 있어요. 공유하려면 공개 범위를 바꿔 주세요.";
    pub const SAVE_IMAGE: &str = "이미지로 저장";
    pub const EDIT_TIMETABLE: &str = "내 시간표에서 편집";
}

/// The 친구 tab: requests, the friend list and blocking.
pub mod friends {
    pub const TITLE: &str = "친구";
    pub const ADD_TITLE: &str = "친구 신청";
    pub const USERNAME: &str = "친구 아이디";
    pub const USERNAME_PLACEHOLDER: &str = "같은 학교 학생의 아이디";
    pub const SEND: &str = "친구 신청";
    pub const SENT: &str = "친구 신청을 보냈습니다.";
    /// `{}` is the nickname of the student who had already asked.
    pub const BECAME_FRIENDS: &str = "{}님과 친구가 되었습니다.";

    pub const INCOMING: &str = "받은 요청";
    pub const OUTGOING: &str = "보낸 요청";
    pub const FRIENDS: &str = "친구";
    pub const BLOCKED: &str = "차단한 사용자";
    pub const NO_INCOMING: &str = "받은 친구 요청이 없어요.";
    pub const NO_OUTGOING: &str = "보낸 친구 요청이 없어요.";
    pub const NO_FRIENDS: &str = "아직 친구가 없어요. 아이디로 친구를 신청해 보세요.";
    pub const NO_BLOCKED: &str = "차단한 사용자가 없어요.";

    pub const ACCEPT: &str = "수락";
    pub const DECLINE: &str = "거절";
    pub const CANCEL: &str = "신청 취소";
    pub const TIMETABLE: &str = "시간표";
    pub const REMOVE: &str = "친구 끊기";
    pub const BLOCK: &str = "차단";
    pub const UNBLOCK: &str = "차단 해제";
    pub const BLOCK_BY_USERNAME: &str = "아이디로 차단하기";
    pub const BLOCK_USERNAME: &str = "차단할 아이디";
    /// Confirmations; `{}` is the other student's nickname.
    pub const CONFIRM_DECLINE: &str = "{}님의 친구 요청을 거절하시겠습니까?";
    pub const CONFIRM_CANCEL: &str = "{}님에게 보낸 친구 신청을 취소하시겠습니까?";
    pub const CONFIRM_REMOVE: &str = "{}님과 친구를 끊으시겠습니까?";
    pub const CONFIRM_BLOCK: &str =
        "{}님을 차단하시겠습니까? 친구 관계와 주고받은 요청이 모두 사라지고, 서로의 시간표를 볼 수 없게 됩니다.";
    pub const CONFIRM_BLOCK_USERNAME: &str =
        "이 사용자를 차단하시겠습니까? 친구 관계와 주고받은 요청이 모두 사라집니다.";

    pub const USERNAME_REQUIRED: &str = "아이디를 입력해 주세요.";
    /// The answer to an unknown username, another school's student, and a student who blocked the asker:
    /// all three must read the same (see `server::db::friends`).
    pub const UNKNOWN_USER: &str = "해당 아이디의 학생을 찾을 수 없습니다.";
    pub const SELF_REQUEST: &str = "자기 자신에게는 친구 신청을 할 수 없습니다.";
    pub const SELF_BLOCK: &str = "자기 자신은 차단할 수 없습니다.";
    pub const ALREADY_FRIENDS: &str = "이미 친구입니다.";
    pub const ALREADY_REQUESTED: &str = "이미 친구 신청을 보냈습니다. 상대방의 수락을 기다려 주세요.";
    pub const YOU_BLOCKED: &str = "차단한 사용자입니다. 차단을 해제한 뒤 신청해 주세요.";
    pub const ALREADY_BLOCKED: &str = "이미 차단한 사용자입니다.";
    pub const NO_SUCH_REQUEST: &str =
        "받은 친구 요청이 없습니다. 상대방이 취소했거나 이미 처리된 요청입니다.";
    pub const NO_SUCH_SENT_REQUEST: &str = "보낸 친구 신청이 없습니다. 이미 거절되었거나 취소된 신청입니다.";
    pub const NOT_FRIENDS: &str = "친구가 아닌 사용자입니다.";
    pub const NOT_BLOCKED: &str = "차단한 사용자가 아닙니다.";
}

/// The 알림 tab and its badge.
pub mod notifications {
    pub const TITLE: &str = "알림";
    pub const TAB: &str = "알림";
    pub const MARK_ALL_READ: &str = "모두 읽음";
    pub const MORE: &str = "더 보기";
    pub const EMPTY: &str = "새 알림이 없어요.";
    pub const EMPTY_HINT: &str = "내 글에 댓글이 달리거나 친구 요청을 받으면 여기에 알려 드려요.";
    /// What each kind of notification says.
    pub const COMMENT: &str = "새로운 댓글이 달렸어요";
    pub const REPLY: &str = "새로운 대댓글이 달렸어요";
    pub const HOT: &str = "내 글이 HOT 게시물에 올랐어요";
    /// `{}` is the other student's nickname.
    pub const FRIEND_REQUEST: &str = "{}님이 친구 신청을 보냈어요";
    pub const FRIEND_ACCEPTED: &str = "{}님과 친구가 되었어요";
    /// `{}` is the sender's label (익명 in an anonymous conversation).
    pub const MESSAGE: &str = "{}에게서 새 쪽지가 왔어요";
    /// A notification whose post was deleted or hidden since.
    pub const POST_GONE: &str = "삭제되었거나 볼 수 없는 글입니다.";
    pub const UNREAD: &str = "읽지 않음";
    /// The badge's name for assistive technology; `{}` is the count.
    pub const UNREAD_COUNT: &str = "읽지 않은 알림 {}개";
    pub const NOT_FOUND: &str = "알림을 찾을 수 없습니다.";
    /// Background (system) notifications: the offer on the 알림 screen, and what one says.
    pub const BACKGROUND_OFFER: &str = "앱을 보고 있지 않을 때도 새 알림을 휴대폰 알림으로 받아 보세요.";
    pub const BACKGROUND_TURN_ON: &str = "휴대폰 알림 켜기";
    pub const BACKGROUND_BODY: &str = "새 알림이 있어요.";
}

/// 쪽지: the 쪽지함, a conversation and its composer.
pub mod messages {
    pub const TITLE: &str = "쪽지함";
    pub const OPEN_INBOX: &str = "쪽지함";
    pub const SEND_MESSAGE: &str = "쪽지 보내기";
    /// Under a comment, where space is short.
    pub const SEND_MESSAGE_SHORT: &str = "쪽지";
    pub const NEW_TITLE: &str = "새 쪽지";
    pub const EMPTY: &str = "주고받은 쪽지가 없어요.";
    pub const EMPTY_HINT: &str = "글이나 댓글, 친구 목록에서 쪽지를 보내 보세요.";
    pub const MORE: &str = "더 보기";
    pub const OLDER: &str = "이전 쪽지 보기";
    pub const COMPOSER_LABEL: &str = "쪽지 내용";
    pub const COMPOSER_PLACEHOLDER: &str = "쪽지를 입력하세요";
    pub const SEND: &str = "보내기";
    pub const SENDING: &str = "보내는 중…";
    pub const ME: &str = "나";
    /// `{}` is the board's name.
    pub const FROM_POST: &str = "{}에 작성된 글을 통해 시작된 쪽지입니다";
    pub const FRIEND_ORIGIN: &str = "친구와 주고받는 쪽지입니다";
    pub const GO_TO_POST: &str = "글 보기";
    pub const POST_GONE: &str = "글이 삭제되었거나 볼 수 없습니다.";
    /// A message that reports hid or an admin removed.
    pub const HIDDEN_MESSAGE: &str = "신고되어 가려진 쪽지입니다.";
    pub const NO_MESSAGES: &str = "아직 주고받은 쪽지가 없어요.";
    pub const LEAVE: &str = "나가기";
    pub const CONFIRM_LEAVE: &str =
        "이 쪽지방에서 나가시겠습니까? 지금까지의 쪽지가 내 쪽지함에서 사라집니다. 상대방의 쪽지함에는 남습니다.";
    pub const BLOCK: &str = "차단";
    pub const UNBLOCK: &str = "차단 해제";
    pub const CONFIRM_BLOCK: &str =
        "이 쪽지방을 차단하시겠습니까? 상대방이 이 쪽지방으로 더는 쪽지를 보낼 수 없습니다.";
    pub const BLOCKED_NOTICE: &str = "차단한 쪽지방입니다. 차단을 해제해야 쪽지를 주고받을 수 있습니다.";
    pub const UNREAD_COUNT: &str = "읽지 않은 쪽지 {}개";
    pub const REPORT: &str = "신고";

    pub const BODY_REQUIRED: &str = "쪽지 내용을 입력해 주세요.";
    pub const BODY_TOO_LONG: &str = "쪽지는 1,000자까지 쓸 수 있습니다.";
    pub const BODY_INVALID_CHARS: &str = "쪽지에 쓸 수 없는 문자가 들어 있습니다.";
    pub const OWN_CONTENT: &str = "내가 쓴 글이나 댓글에는 쪽지를 보낼 수 없습니다.";
    /// Every refusal that depends on the other student (a block either way, a closed account) reads the
    /// same, so that it reveals nothing (see `server::messages`).
    pub const CANNOT_SEND: &str = "쪽지를 보낼 수 없는 상대입니다.";
    pub const YOU_BLOCKED: &str = "차단한 쪽지방입니다. 차단을 해제한 뒤 보내 주세요.";
    pub const NOT_FRIENDS: &str = "친구에게만 바로 쪽지를 보낼 수 있습니다.";
    pub const FRIEND_NOT_FOUND: &str = "해당 아이디의 친구를 찾을 수 없습니다.";
    pub const CONTENT_NOT_FOUND: &str = "쪽지를 보낼 글이나 댓글을 찾을 수 없습니다.";
    pub const NOT_FOUND: &str = "쪽지방을 찾을 수 없습니다.";
    pub const NO_TARGET: &str = "쪽지를 보낼 글, 댓글 또는 친구를 골라 주세요.";
    /// `{}` is a number of seconds.
    pub const SENDING_TOO_FAST: &str = "쪽지를 너무 빨리 보내고 있습니다. {}초 뒤에 다시 보내 주세요.";
    /// `{}` is a number of minutes.
    pub const STARTING_TOO_MANY: &str = "새 쪽지방을 너무 많이 열었습니다. {}분 뒤에 다시 시도해 주세요.";
}

/// The 강의평 screen and the review summaries.
pub mod reviews {
    pub const TITLE: &str = "강의평";
    pub const SEARCH_LABEL: &str = "강의평 검색";
    pub const SEARCH_PLACEHOLDER: &str = "과목명 또는 교수명 (2자 이상)";
    pub const RECENT: &str = "최근 강의평";
    pub const MINE: &str = "내 강의평";
    pub const LISTS: &str = "강의평 목록";
    pub const NO_RECENT: &str = "아직 우리 학교에 올라온 강의평이 없어요.";
    pub const NO_RECENT_HINT: &str = "들은 수업의 강의 페이지에서 첫 강의평을 남겨 보세요.";
    pub const NO_MINE: &str = "아직 쓴 강의평이 없어요.";
    pub const NO_MINE_HINT: &str = "시간표에서 들은 수업을 눌러 강의평을 남길 수 있어요.";
    pub const NO_RESULTS: &str = "강의평이 있는 강의를 찾지 못했어요.";
    /// `{}` is how many reviewed courses the search found so far.
    pub const RESULT_COUNT: &str = "강의 {}개";
    /// `{}` is a number of reviews.
    pub const REVIEW_COUNT: &str = "강의평 {}개";
    pub const MORE: &str = "더 보기";
    pub const NOT_IN_CATALOGUE: &str = "지금 개설되지 않은 강의";
    pub const SUMMARY: &str = "강의평 요약";
    pub const ALL_REVIEWS: &str = "강의평 전체 보기";
}

/// 학점계산기.
pub mod gpa {
    pub const TITLE: &str = "학점계산기";
    pub const SCALE: &str = "만점 기준";
    pub const SCALE_45: &str = "4.5 만점";
    pub const SCALE_43: &str = "4.3 만점";
    pub const SCALE_SAVE: &str = "기준 바꾸기";
    pub const OVERALL: &str = "전체 평점";
    pub const MAJOR: &str = "전공 평점";
    pub const EARNED: &str = "취득 학점";
    pub const SUMMARY: &str = "성적 요약";
    /// `{}` is the scale's maximum (4.5 or 4.3).
    pub const OUT_OF: &str = "/ {}";
    pub const TERM_GPA: &str = "평점";
    pub const TERM_EARNED: &str = "취득";

    pub const ADD_TERM: &str = "학기 추가";
    pub const TERM_NAME: &str = "학기 이름";
    pub const TERM_NAME_PLACEHOLDER: &str = "예: 1학년 1학기";
    pub const RENAME_TERM: &str = "이름 바꾸기";
    pub const DELETE_TERM: &str = "학기 삭제";
    /// `{}` is the term's name.
    pub const CONFIRM_DELETE_TERM: &str = "'{}' 학기와 그 과목을 모두 지울까요?";
    pub const NO_TERMS: &str = "아직 입력한 학기가 없어요.";
    pub const NO_TERMS_HINT: &str = "학기를 추가하거나 시간표에서 한 번에 가져오세요.";
    pub const NO_COURSES: &str = "이 학기에 입력한 과목이 없어요.";

    pub const ADD_COURSE: &str = "과목 추가";
    pub const EDIT_COURSE: &str = "과목 수정";
    pub const COURSE_NAME: &str = "과목명";
    pub const CREDITS: &str = "학점";
    pub const CREDITS_HINT: &str = "0–10, 0.5 단위";
    pub const GRADE: &str = "성적";
    pub const NO_GRADE: &str = "성적 미입력";
    pub const MAJOR_CHECK: &str = "전공";
    pub const SAVE: &str = "저장";
    pub const DELETE: &str = "삭제";
    pub const EDIT: &str = "수정";
    /// `{}` is the course's name.
    pub const CONFIRM_DELETE_COURSE: &str = "'{}' 과목을 지울까요?";
    /// `{}` is the course's credits.
    pub const CREDITS_LABEL: &str = "{}학점";

    pub const IMPORT: &str = "시간표에서 가져오기";
    pub const IMPORT_FROM: &str = "가져올 시간표";
    pub const IMPORT_INTO: &str = "넣을 학기";
    pub const IMPORT_NEW_TERM: &str = "새 학기 (시간표의 학기 이름으로)";
    pub const IMPORT_BUTTON: &str = "가져오기";
    pub const IMPORT_NOTE: &str =
        "시간표의 강의를 학점과 함께 넣어요. 이미 있는 과목과 직접 추가한 일정(학점 없음)은 건너뛰어요.";
    pub const NO_TIMETABLES: &str = "가져올 시간표가 없어요. 시간표를 먼저 만들어 보세요.";
    /// `{}` is how many courses were added, then how many skipped.
    pub const IMPORTED: &str = "{}과목을 가져왔어요.";
    pub const IMPORT_SKIPPED: &str = "(이미 있거나 학점이 없는 {}개는 건너뜀)";
    pub const OPEN_GPA: &str = "학점계산기";

    pub const TERM_NAME_REQUIRED: &str = "학기 이름을 입력해 주세요.";
    pub const TERM_NAME_TOO_LONG: &str = "학기 이름은 20자까지 쓸 수 있습니다.";
    pub const COURSE_NAME_REQUIRED: &str = "과목명을 입력해 주세요.";
    pub const COURSE_NAME_TOO_LONG: &str = "과목명은 30자까지 쓸 수 있습니다.";
    pub const INVALID_CHARS: &str = "쓸 수 없는 문자(제어 문자, 방향 제어 문자)가 들어 있습니다.";
    pub const CREDITS_INVALID: &str = "학점은 0부터 10까지 0.5 단위로 입력해 주세요.";
    pub const NO_MINUS_ON_45: &str =
        "4.5 만점에는 A-, B- 같은 학점이 없습니다. 4.3 만점으로 바꾸거나 다른 성적을 골라 주세요.";
    pub const GRADE_INVALID: &str = "목록에 있는 성적을 골라 주세요.";
    pub const SCALE_INVALID: &str = "4.5 만점 또는 4.3 만점을 골라 주세요.";
    /// Switching to 4.5 while courses hold minus grades; `{}` is how many.
    pub const MINUS_GRADES_LEFT: &str =
        "A-, B- 같은 학점의 과목이 {}개 있어 4.5 만점으로 바꿀 수 없습니다. 먼저 그 성적을 고쳐 주세요.";
    pub const TOO_MANY_TERMS: &str = "학기는 20개까지 만들 수 있습니다.";
    pub const TOO_MANY_COURSES: &str = "한 학기에는 과목을 30개까지 넣을 수 있습니다.";
    pub const COURSE_NAME_TAKEN: &str = "이 학기에 같은 이름의 과목이 이미 있습니다.";
    pub const TERM_NOT_FOUND: &str = "학기를 찾을 수 없습니다.";
    pub const COURSE_NOT_FOUND: &str = "과목을 찾을 수 없습니다.";
    pub const TIMETABLE_NOT_FOUND: &str = "시간표를 찾을 수 없습니다.";
}

/// Photos on posts: the write screen's picker, the post's strip and viewer, and the upload's refusals.
pub mod images {
    pub const ADD: &str = "사진 추가";
    /// `{}` is "n/m": photos chosen and the most a post may carry.
    pub const COUNT: &str = "사진 {}";
    pub const REMOVE: &str = "사진 빼기";
    pub const UPLOADING: &str = "사진을 올리는 중…";
    pub const NEEDS_SCRIPT: &str = "사진은 페이지를 다 불러온 뒤에 올릴 수 있어요.";
    /// `{}` is the most photos a post may carry.
    pub const TOO_MANY: &str = "사진은 한 글에 {}장까지 올릴 수 있어요.";
    /// `{}` is the largest file, in megabytes.
    pub const TOO_LARGE_FILE: &str = "사진은 한 장에 {}MB까지 올릴 수 있어요.";
    pub const NOT_AN_IMAGE: &str = "사진 파일이 아니에요. JPEG, PNG, WebP 사진을 올려 주세요.";
    pub const HEIC: &str =
        "HEIC 사진은 아직 올릴 수 없어요. 카메라 설정에서 '호환성 우선'으로 찍거나 JPEG로 바꿔 올려 주세요.";
    /// `{}` is the longest side allowed, in pixels.
    pub const TOO_MANY_PIXELS: &str =
        "사진이 너무 커요. 가로와 세로가 각각 {}픽셀 이하인 사진을 올려 주세요.";
    pub const UNREADABLE: &str = "사진을 읽을 수 없어요. 파일이 손상되지 않았는지 확인해 주세요.";
    /// An attachment that is not the student's own waiting upload (gone, someone else's, already posted).
    pub const STALE: &str = "올린 사진을 찾을 수 없어요. 사진을 다시 올려 주세요.";
    pub const DUPLICATE: &str = "같은 사진이 두 번 들어 있어요.";
    /// `{}` is the number of minutes to wait.
    pub const UPLOADING_TOO_FAST: &str = "사진을 너무 많이 올렸어요. {}분 뒤에 다시 시도해 주세요.";
    /// The strip's accessible name, and each photo's (`{}` is "n/m").
    pub const STRIP: &str = "첨부한 사진";
    pub const PHOTO: &str = "사진 {}";
    pub const VIEWER: &str = "사진 보기";
    pub const CLOSE: &str = "닫기";
    pub const PREVIOUS: &str = "이전 사진";
    pub const NEXT: &str = "다음 사진";
    /// The list's mark on a post with photos.
    pub const HAS_PHOTOS: &str = "사진 있음";
}
