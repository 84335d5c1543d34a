//! A pure, deterministic generator of a realistic semester course catalogue for one school: real-looking
//! major courses per department, 교양 (general education) courses, stable professor pools, Korean-style time
//! slots and rooms. It touches no database, so seeding, demos and benchmarks all get the same catalogue for
//! the same (school, departments, semester), and reviews keyed by (course name, professor) carry over.

use std::collections::{HashMap, HashSet};

use crate::model::timetable::{CourseCategory, Slot};

/// One generated course of a semester's catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedCourse {
    /// e.g. "CSE2040-02": field prefix + 4-digit number + "-" + 2-digit section (분반).
    pub code: String,
    /// e.g. "자료구조".
    pub name: String,
    /// Korean full name, e.g. "김민준"; unique within the school.
    pub professor: String,
    /// None for 교양 (general education) courses.
    pub department_id: Option<i64>,
    /// 1..=4, mostly 3.
    pub credits: i64,
    pub category: CourseCategory,
    /// e.g. "공학관 301", "인문관 B102".
    pub room: String,
    /// 20..=200.
    pub capacity: i64,
    /// 1..=3 weekly time slots, never overlapping each other.
    pub slots: Vec<Slot>,
}

/// Most sections one course gets in a normal (`sections_per_course = 1`) catalogue.
const MAX_SECTIONS: usize = 3;

/// One course of a field's list: its name, the school year it is usually taken in (also the first digit of
/// its code), its credits and whether it is required (전공필수 / 교양필수).
struct Entry {
    name: &'static str,
    year: i64,
    credits: i64,
    required: bool,
}

const fn req(name: &'static str, year: i64, credits: i64) -> Entry {
    Entry { name, year, credits, required: true }
}

const fn opt(name: &'static str, year: i64, credits: i64) -> Entry {
    Entry { name, year, credits, required: false }
}

/// A field of study: departments whose name contains one of `keywords` teach `courses`.
struct Field {
    keywords: &'static [&'static str],
    prefix: &'static str,
    buildings: &'static [&'static str],
    courses: &'static [Entry],
}

// Matched in order, so the more specific fields come first (생명화학공학 before 화학 and 생명과학,
// 기술경영 before 경영).
#[rustfmt::skip]
const FIELDS: [Field; 21] = [
    Field { keywords: &["생명화학", "화학공학"], prefix: "CBE", buildings: &["공학관", "제2공학관"], courses: &[
        req("화공양론", 1, 3), req("화공열역학1", 2, 3), opt("화공열역학2", 3, 3), req("이동현상1", 2, 3),
        opt("이동현상2", 3, 3), req("반응공학", 3, 3), opt("공정제어", 3, 3), opt("분리공정", 3, 3),
        opt("물리화학", 2, 3), opt("유기화학", 2, 3), opt("생물공학", 3, 3), opt("고분자공학", 3, 3),
        opt("화공전산", 2, 3), opt("전기화학공학", 4, 3), opt("촉매공학", 4, 3), opt("공정설계", 4, 3),
        opt("화학공학실험", 3, 2), opt("나노공학", 4, 3), opt("에너지공학", 4, 3),
    ] },
    Field { keywords: &["기술경영"], prefix: "MOT", buildings: &["경영관"], courses: &[
        req("기술경영개론", 1, 3), opt("회계원론", 1, 3), req("경영통계", 1, 3), opt("마케팅원론", 2, 3),
        opt("재무관리", 2, 3), opt("조직행동론", 2, 3), opt("경영과학", 2, 3), req("기술혁신경영", 3, 3),
        opt("기술사업화", 3, 3), opt("기술창업", 3, 3), opt("데이터애널리틱스", 3, 3), opt("지식재산경영", 3, 3),
        opt("연구개발관리", 3, 3), opt("신제품개발", 3, 3), opt("플랫폼비즈니스", 4, 3), opt("기술정책", 4, 3),
        opt("벤처금융", 4, 3), opt("디지털전환전략", 4, 3), opt("기술경영캡스톤", 4, 3),
    ] },
    Field { keywords: &["산업", "시스템공학"], prefix: "IE", buildings: &["제2공학관"], courses: &[
        req("산업공학개론", 1, 3), req("공학확률통계", 1, 3), opt("산업공학프로그래밍", 1, 3),
        req("경영과학1", 2, 3), opt("경영과학2", 3, 3), opt("생산관리", 2, 3), opt("인간공학", 2, 3),
        opt("품질경영", 3, 3), opt("시뮬레이션", 3, 3), opt("데이터마이닝", 3, 3), opt("공급사슬관리", 3, 3),
        opt("확률모형", 3, 3), opt("설비계획", 3, 3), opt("의사결정분석", 3, 3), opt("비선형최적화", 4, 3),
        opt("금융공학", 4, 3), opt("서비스공학", 4, 3), opt("시스템엔지니어링", 4, 3),
        req("산업공학캡스톤디자인", 4, 3),
    ] },
    Field { keywords: &["신소재", "재료"], prefix: "MSE", buildings: &["제1공학관"], courses: &[
        req("재료과학개론", 1, 3), req("재료열역학", 2, 3), opt("결정학", 2, 3), opt("재료물리", 2, 3),
        opt("재료속의확산", 2, 3), req("상변태", 3, 3), opt("재료의역학적거동", 3, 3), opt("전자재료", 3, 3),
        opt("세라믹재료", 3, 3), opt("금속재료", 3, 3), opt("고분자재료", 3, 3), opt("재료분석", 3, 3),
        opt("재료공학실험", 3, 2), opt("반도체공정", 4, 3), opt("나노재료", 4, 3), opt("디스플레이재료", 4, 3),
        opt("에너지재료", 4, 3), opt("재료전산모사", 4, 3), opt("생체재료", 4, 3),
    ] },
    Field { keywords: &["컴퓨터", "소프트웨어", "전산"], prefix: "CSE", buildings: &["공학관", "제2공학관"], courses: &[
        req("프로그래밍기초", 1, 3), req("이산수학", 1, 3), opt("객체지향프로그래밍", 1, 3), req("자료구조", 2, 3),
        req("컴퓨터구조", 2, 3), opt("시스템프로그래밍", 2, 3), opt("웹프로그래밍", 2, 3), req("알고리즘", 3, 3),
        req("운영체제", 3, 3), opt("데이터베이스", 3, 3), opt("컴퓨터네트워크", 3, 3), opt("소프트웨어공학", 3, 3),
        opt("프로그래밍언어론", 3, 3), opt("인공지능", 3, 3), opt("기계학습", 4, 3), opt("컴파일러", 4, 3),
        opt("정보보호", 4, 3), opt("컴퓨터그래픽스", 4, 3), opt("분산시스템", 4, 3), req("캡스톤디자인", 4, 3),
    ] },
    Field { keywords: &["전기", "전자"], prefix: "EEE", buildings: &["공학관", "제1공학관"], courses: &[
        opt("디지털논리설계", 1, 3), req("회로이론1", 2, 3), opt("회로이론2", 2, 3), req("전자기학1", 2, 3),
        opt("전자기학2", 3, 3), req("신호및시스템", 2, 3), req("전자회로1", 2, 3), opt("전자회로2", 3, 3),
        opt("전기전자기초실험", 2, 2), opt("확률및랜덤프로세스", 3, 3), opt("통신이론", 3, 3), opt("제어공학", 3, 3),
        opt("반도체소자", 3, 3), opt("디지털신호처리", 3, 3), opt("전력공학", 3, 3), opt("마이크로프로세서", 3, 3),
        opt("집적회로설계", 4, 3), opt("전력전자공학", 4, 3), opt("컴퓨터비전", 4, 3), req("전기전자캡스톤설계", 4, 3),
    ] },
    Field { keywords: &["기계"], prefix: "MEC", buildings: &["제1공학관", "공학관"], courses: &[
        opt("기계제도및CAD", 1, 3), req("정역학", 1, 3), req("고체역학", 2, 3), req("열역학", 2, 3),
        req("유체역학", 2, 3), opt("동역학", 2, 3), opt("기계공작법", 2, 3), opt("공업수학", 2, 3),
        opt("기계요소설계", 3, 3), opt("열전달", 3, 3), opt("진동학", 3, 3), opt("자동제어", 3, 3),
        opt("기계공학실험", 3, 2), opt("수치해석", 3, 3), opt("메카트로닉스", 3, 3), opt("로봇공학", 4, 3),
        opt("유한요소법", 4, 3), opt("내연기관", 4, 3), req("기계설계프로젝트", 4, 3),
    ] },
    Field { keywords: &["수리", "수학"], prefix: "MAT", buildings: &["자연과학관", "과학관"], courses: &[
        req("선형대수학1", 1, 3), opt("집합론", 1, 3), req("해석개론1", 2, 3), opt("해석개론2", 2, 3),
        opt("선형대수학2", 2, 3), opt("미분방정식", 2, 3), opt("정수론", 2, 3), req("현대대수학1", 3, 3),
        opt("현대대수학2", 3, 3), opt("복소함수론", 3, 3), req("위상수학", 3, 3), opt("미분기하학", 3, 3),
        opt("확률론", 3, 3), opt("수치해석", 3, 3), opt("조합수학", 3, 3), opt("수리통계학", 3, 3),
        opt("편미분방정식", 4, 3), opt("실해석", 4, 3), opt("대수위상수학", 4, 3),
    ] },
    Field { keywords: &["물리", "천문"], prefix: "PHY", buildings: &["자연과학관", "과학관"], courses: &[
        opt("천문학개론", 1, 3), req("역학1", 2, 3), opt("역학2", 2, 3), req("전자기학1", 2, 3),
        opt("전자기학2", 3, 3), opt("수리물리학1", 2, 3), opt("수리물리학2", 2, 3), opt("현대물리학", 2, 3),
        opt("물리학실험1", 2, 2), opt("물리학실험2", 3, 2), req("양자역학1", 3, 3), opt("양자역학2", 3, 3),
        req("열및통계물리", 3, 3), opt("광학", 3, 3), opt("천체물리학", 3, 3), opt("전산물리학", 3, 3),
        opt("고체물리학", 4, 3), opt("입자물리학", 4, 3), opt("핵물리학", 4, 3), opt("우주론", 4, 3),
    ] },
    Field { keywords: &["화학"], prefix: "CHM", buildings: &["자연과학관", "과학관"], courses: &[
        req("유기화학1", 2, 3), opt("유기화학2", 2, 3), req("물리화학1", 2, 3), opt("물리화학2", 3, 3),
        req("분석화학", 2, 3), req("무기화학1", 3, 3), opt("무기화학2", 3, 3), opt("유기화학실험", 2, 2),
        opt("분석화학실험", 2, 2), opt("물리화학실험", 3, 2), opt("생화학", 3, 3), opt("기기분석", 3, 3),
        opt("환경화학", 3, 3), opt("고분자화학", 4, 3), opt("양자화학", 4, 3), opt("유기합성", 4, 3),
        opt("재료화학", 4, 3), opt("계산화학", 4, 3),
    ] },
    Field { keywords: &["생명과학", "생물"], prefix: "BIO", buildings: &["자연과학관", "과학관"], courses: &[
        req("세포생물학", 2, 3), req("분자생물학", 2, 3), req("유전학", 2, 3), req("생화학1", 2, 3),
        opt("생화학2", 3, 3), opt("생태학", 2, 3), opt("생명과학실험1", 2, 2), opt("생명과학실험2", 3, 2),
        opt("미생물학", 3, 3), opt("생리학", 3, 3), opt("발생생물학", 3, 3), opt("면역학", 3, 3),
        opt("진화생물학", 3, 3), opt("식물생리학", 3, 3), opt("신경생물학", 4, 3), opt("생물정보학", 4, 3),
        opt("유전체학", 4, 3), opt("구조생물학", 4, 3), opt("암생물학", 4, 3),
    ] },
    Field { keywords: &["심리"], prefix: "PSY", buildings: &["사회과학관"], courses: &[
        req("심리통계", 1, 3), req("심리학연구방법", 2, 3), opt("생물심리학", 2, 3), req("인지심리학", 2, 3),
        opt("발달심리학", 2, 3), req("사회심리학", 2, 3), opt("성격심리학", 2, 3), opt("이상심리학", 3, 3),
        opt("학습심리학", 3, 3), opt("지각심리학", 3, 3), opt("상담심리학", 3, 3), opt("임상심리학", 3, 3),
        opt("산업및조직심리학", 3, 3), opt("건강심리학", 3, 3), opt("심리검사", 3, 3), opt("소비자심리학", 3, 3),
        opt("인지신경과학", 4, 3), opt("언어심리학", 4, 3),
    ] },
    Field { keywords: &["국어", "국문"], prefix: "KOR", buildings: &["인문관"], courses: &[
        req("국어학개론", 1, 3), req("국문학개론", 1, 3), opt("한문강독", 1, 3), opt("고전문학사", 2, 3),
        req("현대문학사", 2, 3), opt("국어음운론", 2, 3), opt("국어문법론", 2, 3), opt("국어의미론", 3, 3),
        opt("국어사", 3, 3), opt("고전시가론", 3, 3), opt("고전소설론", 3, 3), opt("현대시론", 3, 3),
        opt("현대소설론", 3, 3), opt("구비문학론", 3, 3), opt("한국어교육론", 3, 3), opt("문학비평론", 4, 3),
        opt("현대희곡론", 4, 3), opt("국어방언학", 4, 3), opt("국어정보학", 4, 3),
    ] },
    Field { keywords: &["영어", "영문"], prefix: "ENG", buildings: &["인문관"], courses: &[
        req("영어학개론", 1, 3), req("영문학개론", 1, 3), opt("고급영작문", 2, 3), opt("영미시", 2, 3),
        opt("영미소설", 2, 3), opt("영미드라마", 2, 3), opt("영어음성학", 2, 3), req("영국문학사", 2, 3),
        opt("미국문학사", 2, 3), req("영어통사론", 3, 3), opt("영어의미론", 3, 3), opt("셰익스피어", 3, 3),
        opt("중세영문학", 3, 3), opt("낭만주의영시", 3, 3), opt("19세기영국소설", 3, 3), opt("영어교육론", 3, 3),
        opt("현대영미소설", 4, 3), opt("사회언어학", 4, 3), opt("비평이론", 4, 3),
    ] },
    Field { keywords: &["경제"], prefix: "ECO", buildings: &["사회과학관"], courses: &[
        req("경제수학", 1, 3), opt("경제통계학", 1, 3), req("미시경제이론", 2, 3), req("거시경제이론", 2, 3),
        opt("한국경제론", 2, 3), opt("경제사", 2, 3), req("계량경제학", 3, 3), opt("화폐금융론", 3, 3),
        opt("국제무역론", 3, 3), opt("국제금융론", 3, 3), opt("재정학", 3, 3), opt("노동경제학", 3, 3),
        opt("산업조직론", 3, 3), opt("경제발전론", 3, 3), opt("환경경제학", 3, 3), opt("게임이론", 4, 3),
        opt("행동경제학", 4, 3), opt("금융경제학", 4, 3), opt("도시경제학", 4, 3),
    ] },
    Field { keywords: &["경영"], prefix: "BUS", buildings: &["경영관"], courses: &[
        req("경영학원론", 1, 3), req("회계원리", 1, 3), req("경영통계", 1, 3), req("재무관리", 2, 3),
        req("마케팅관리", 2, 3), opt("조직행동론", 2, 3), opt("생산운영관리", 2, 3), opt("경영정보시스템", 2, 3),
        opt("중급회계", 2, 3), opt("인적자원관리", 3, 3), opt("원가회계", 3, 3), opt("투자론", 3, 3),
        opt("소비자행동", 3, 3), opt("국제경영", 3, 3), opt("세무회계", 3, 3), opt("마케팅조사", 3, 3),
        opt("경영전략", 4, 3), opt("파생상품론", 4, 3), opt("창업경영", 4, 3),
    ] },
    Field { keywords: &["신학"], prefix: "THE", buildings: &["신학관"], courses: &[
        req("신학입문", 1, 3), req("구약성서개론", 1, 3), req("신약성서개론", 1, 3), opt("기독교사상사", 2, 3),
        opt("교회사", 2, 3), opt("기독교윤리", 2, 3), opt("성서히브리어", 2, 3), opt("성서헬라어", 2, 3),
        opt("실천신학개론", 2, 3), req("조직신학", 3, 3), opt("종교철학", 3, 3), opt("종교사회학", 3, 3),
        opt("선교학", 3, 3), opt("기독교교육", 3, 3), opt("예배학", 3, 3), opt("한국교회사", 3, 3),
        opt("설교학", 4, 3), opt("목회상담", 4, 3), opt("여성신학", 4, 3),
    ] },
    Field { keywords: &["행정"], prefix: "PAD", buildings: &["사회과학관", "법학관"], courses: &[
        req("행정학원론", 1, 3), req("정책학원론", 2, 3), req("조직론", 2, 3), opt("인사행정론", 2, 3),
        opt("행정법", 2, 3), opt("행정계량분석", 2, 3), opt("한국행정사", 2, 3), opt("재무행정론", 3, 3),
        opt("지방행정론", 3, 3), opt("비교행정론", 3, 3), opt("정책분석론", 3, 3), opt("도시행정론", 3, 3),
        opt("전자정부론", 3, 3), opt("공공관리론", 3, 3), opt("행정윤리", 3, 3), opt("사회복지정책론", 3, 3),
        opt("규제정책론", 4, 3), opt("정책평가론", 4, 3), opt("환경정책론", 4, 3),
    ] },
    Field { keywords: &["유학", "동양"], prefix: "CNF", buildings: &["인문관"], courses: &[
        req("유학개론", 1, 3), req("동양철학개론", 1, 3), opt("한문강독", 1, 3), opt("논어", 2, 3),
        opt("맹자", 2, 3), opt("대학·중용", 2, 3), opt("중국철학사", 2, 3), opt("한국철학사", 2, 3),
        opt("주역", 3, 3), req("성리학", 3, 3), opt("양명학", 3, 3), opt("한국유학사", 3, 3),
        opt("노장철학", 3, 3), opt("불교철학", 3, 3), opt("예학", 3, 3), opt("동양윤리", 3, 3),
        opt("실학사상", 4, 3), opt("유교경전강독", 4, 3), opt("동양미학", 4, 3),
    ] },
    Field { keywords: &["건축"], prefix: "ARC", buildings: &["공학관", "제1공학관"], courses: &[
        req("건축설계1", 1, 4), opt("건축CAD", 1, 3), req("건축설계2", 2, 4), opt("서양건축사", 2, 3),
        opt("한국건축사", 2, 3), req("건축구조1", 2, 3), opt("건축재료", 2, 3), opt("건축설계3", 3, 4),
        opt("건축구조2", 3, 3), opt("건축환경계획", 3, 3), opt("건축시공", 3, 3), opt("건축설비", 3, 3),
        opt("건축이론", 3, 3), opt("실내건축", 3, 3), opt("주거론", 3, 3), opt("조경학개론", 3, 3),
        opt("건축설계4", 4, 4), opt("도시설계", 4, 3), opt("건축법규", 4, 3),
    ] },
    Field { keywords: &["연극", "영화"], prefix: "THF", buildings: &["예술관"], courses: &[
        req("연극의이해", 1, 3), req("영화의이해", 1, 3), opt("연기1", 1, 3), opt("연기2", 2, 3),
        opt("연출론", 2, 3), req("희곡분석", 2, 3), opt("시나리오작법", 2, 3), opt("영화촬영", 2, 3),
        opt("영상편집", 2, 3), opt("연극사", 2, 3), opt("영화사", 2, 3), opt("무대미술", 3, 3),
        opt("다큐멘터리제작", 3, 3), opt("뮤지컬연기", 3, 3), opt("영화연출", 3, 3), opt("공연기획", 3, 3),
        opt("영화비평", 3, 3), opt("졸업공연", 4, 3), opt("졸업작품제작", 4, 3),
    ] },
];

/// Fallback for departments no field matches: the names are suffixes appended to the department's stem,
/// e.g. 사회학과 → "사회학개론", "사회학연구방법론".
#[rustfmt::skip]
const GENERIC: Field = Field { keywords: &[], prefix: "MAJ", buildings: &["사회과학관", "인문관"], courses: &[
    opt("의이해", 1, 3), req("개론", 1, 3), opt("기초세미나", 1, 1), req("이론1", 2, 3), opt("이론2", 2, 3),
    req("연구방법론", 2, 3), opt("고전읽기", 2, 3), opt("연습", 3, 3), opt("특강", 3, 3), opt("세미나", 3, 3),
    opt("국제비교연구", 3, 3), opt("현장실습", 3, 2), opt("심화연구", 4, 3), req("졸업연구", 4, 3),
] };

/// 교양 (general education) courses, taught by the school's own lecturer pool in 교양관.
#[rustfmt::skip]
const GENERAL: [Entry; 52] = [
    req("대학글쓰기", 1, 3), req("대학영어", 1, 3), opt("영어회화", 1, 2), opt("한국어발표와토론", 1, 2),
    req("미적분학1", 1, 3), opt("미적분학2", 1, 3), opt("일반물리학1", 1, 3), opt("일반물리학2", 1, 3),
    opt("일반물리학실험1", 1, 1), opt("일반화학1", 1, 3), opt("일반화학실험1", 1, 1), opt("일반생물학1", 1, 3),
    opt("통계학입문", 1, 3), req("컴퓨팅사고", 1, 3), opt("파이썬프로그래밍", 1, 3), opt("데이터과학입문", 2, 3),
    opt("철학개론", 1, 3), opt("논리와비판적사고", 1, 3), req("한국사의이해", 1, 3), opt("세계문명사", 1, 3),
    opt("현대사회와윤리", 1, 3), opt("심리학개론", 1, 3), opt("경제학원론", 1, 3), opt("정치학개론", 1, 3),
    opt("사회학개론", 1, 3), opt("법과사회", 2, 3), opt("글로벌리더십", 2, 2), opt("창업과혁신", 2, 2),
    req("신입생세미나", 1, 1), opt("교양체육(배드민턴)", 1, 1), opt("교양체육(테니스)", 1, 1),
    opt("교양체육(수영)", 1, 1), opt("교양체육(요가)", 1, 1), opt("교양체육(골프)", 1, 1), opt("음악의이해", 1, 3),
    opt("서양미술사", 2, 3), opt("영화로보는세계", 2, 3), opt("과학기술과사회", 2, 3), opt("환경과인간", 2, 3),
    opt("인공지능과미래사회", 2, 3), opt("중국어1", 1, 3), opt("일본어1", 1, 3), opt("스페인어1", 1, 3),
    opt("독일어1", 1, 3), opt("프랑스어1", 1, 3), opt("동양고전의이해", 2, 3), opt("인간관계의심리", 2, 3),
    opt("생활속의화학", 2, 3), opt("우주의이해", 2, 3), opt("글로벌경제의이해", 2, 3), opt("사회봉사", 1, 1),
    opt("진로탐색과자기계발", 1, 2),
];

// Surnames repeat roughly in proportion to how common they are (김, 이, 박 first).
#[rustfmt::skip]
const SURNAMES: [&str; 40] = [
    "김", "김", "김", "김", "이", "이", "이", "박", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오",
    "서", "신", "권", "황", "안", "송", "류", "홍", "전", "고", "문", "양", "손", "배", "백", "허", "남", "심",
    "노", "하", "곽", "성",
];

#[rustfmt::skip]
const GIVEN_NAMES: [&str; 80] = [
    "민준", "서연", "지훈", "현우", "수진", "영수", "정훈", "미경", "성호", "은정", "재현", "동욱", "상철", "혜진",
    "지영", "준호", "경민", "태현", "승민", "진우", "민석", "성민", "지원", "현정", "주연", "광수", "명수", "영희",
    "정민", "수현", "기석", "종현", "병철", "용준", "상훈", "형준", "세진", "윤희", "소영", "은주", "수경", "혜원",
    "창호", "대현", "준영", "재원", "동훈", "우진", "석진", "인호", "성진", "현철", "정아", "선영", "미라", "연희",
    "희정", "태호", "기훈", "승우", "준석", "경수", "영민", "규태", "찬호", "원석", "재훈", "도현", "민호", "진영",
    "혜경", "유진", "나영", "은경", "상민", "지수", "민정", "성훈", "영호", "주희",
];

// Class times: 75-minute Mon/Wed or Tue/Thu classes start on the usual 90-minute grid 09:00 … 16:30;
// 50/100/110-minute classes on the hour; 3-hour blocks in the morning or afternoon. 18:00 is the evening start.
const PAIR_STARTS: [i64; 6] = [540, 630, 720, 810, 900, 990];
const HOUR_STARTS: [i64; 7] = [540, 600, 660, 780, 840, 900, 960];
const LONG_STARTS: [i64; 4] = [540, 660, 780, 900];
const BLOCK_STARTS: [i64; 4] = [540, 600, 780, 840];
const EVENING: i64 = 1080;

// Seed tags keep the random streams of different purposes independent.
const TAG_PROFESSORS: i64 = 1;
const TAG_STABLE: i64 = 2;
const TAG_SEMESTER: i64 = 3;
const TAG_GENERAL_PROFESSORS: i64 = 4;
const TAG_GENERAL_STABLE: i64 = 5;
const TAG_GENERAL_SEMESTER: i64 = 6;

/// Generates one semester's course catalogue of a school.
///
/// departments: (department id, Korean department name) of one school, e.g. (5, "컴퓨터공학부").
/// year + term identify the semester (term: 1 = 1학기, 2 = 여름학기, 3 = 2학기, 4 = 겨울학기).
/// `sections_per_course` scales the size: 1 gives the normal catalogue; larger values add more sections
/// (분반) of the same courses, taught by the department's professors, for benchmark-sized catalogues.
///
/// Professor pools and which professor teaches which course depend only on the school and its departments,
/// so the same (course name, professor) pairs recur from semester to semester; only the set of offered
/// courses, section counts at the margin, times and rooms change with the semester.
pub fn generate(
    school_id: i64,
    departments: &[(i64, String)],
    year: i64,
    term: i64,
    sections_per_course: usize,
) -> Vec<GeneratedCourse> {
    let seasonal = matches!(term, 2 | 4);
    let scale = sections_per_course.max(1);
    let mut departments: Vec<&(i64, String)> = departments.iter().collect();
    departments.sort_by_key(|d| d.0);
    departments.dedup_by_key(|d| d.0);

    let mut taken = HashSet::new();
    let mut prefix_uses: HashMap<&str, i64> = HashMap::new();
    let mut out = Vec::new();
    for (department_id, department_name) in departments.iter().map(|d| (d.0, d.1.as_str())) {
        let field = field_for(department_name);
        // Two departments of one school in the same field (or both generic) differ in their code's last
        // digit, and past ten such departments in a digit after the prefix too.
        let uses = prefix_uses.entry(field.prefix).or_insert(0);
        let (nth, prefix) = match *uses {
            n if n < 10 => (n, field.prefix.to_string()),
            n => (n % 10, format!("{}{}", field.prefix, n / 10)),
        };
        *uses += 1;
        let stem = (field.prefix == GENERIC.prefix).then(|| stem(department_name));
        let unit = Unit {
            department_id: Some(department_id),
            prefix,
            nth,
            entries: field.courses,
            stem,
            buildings: field.buildings,
            professors: professor_pool(&mut taken, &[TAG_PROFESSORS, school_id, department_id], 6, 10),
        };
        let mut stable = Rng::new(&[TAG_STABLE, school_id, department_id]);
        let mut semester = Rng::new(&[TAG_SEMESTER, school_id, department_id, year, term]);
        let target = if seasonal { 25 + semester.below(3) } else { 27 + semester.below(4) };
        emit(&mut out, &unit, target, seasonal, scale, &mut stable, &mut semester);
    }

    let unit = Unit {
        department_id: None,
        prefix: "GED".to_string(),
        nth: 0,
        entries: &GENERAL,
        stem: None,
        buildings: &["교양관"],
        professors: professor_pool(&mut taken, &[TAG_GENERAL_PROFESSORS, school_id], 16, 20),
    };
    let mut stable = Rng::new(&[TAG_GENERAL_STABLE, school_id]);
    let mut semester = Rng::new(&[TAG_GENERAL_SEMESTER, school_id, year, term]);
    let target = if seasonal { 42 + semester.below(3) } else { 44 + semester.below(5) };
    emit(&mut out, &unit, target, seasonal, scale, &mut stable, &mut semester);
    out
}

/// One department's (or 교양's) share of the catalogue.
struct Unit<'a> {
    department_id: Option<i64>,
    prefix: String,
    /// Last digit of every code, telling same-prefix departments apart.
    nth: i64,
    entries: &'static [Entry],
    /// Set for the generic fallback, whose entry names are suffixes to this stem.
    stem: Option<&'a str>,
    buildings: &'static [&'static str],
    professors: Vec<String>,
}

/// Appends this semester's sections of `unit`'s courses, about `target` of them (times `scale`).
fn emit(
    out: &mut Vec<GeneratedCourse>,
    unit: &Unit,
    target: usize,
    seasonal: bool,
    scale: usize,
    stable: &mut Rng,
    semester: &mut Rng,
) {
    let entries = unit.entries;
    let n = entries.len();
    // Stable part (same every semester, consumed first): a priority order for extra sections — required
    // courses first — and each course's main professor, dealt round-robin over a shuffle so that every
    // professor gets a fair share.
    let mut priority: Vec<usize> = (0..n).collect();
    stable.shuffle(&mut priority);
    priority.sort_by_key(|&i| !entries[i].required);
    let mut dealt: Vec<usize> = (0..n).collect();
    stable.shuffle(&mut dealt);
    let mut owner = vec![0; n];
    for (k, &i) in dealt.iter().enumerate() {
        owner[i] = k % unit.professors.len();
    }

    // Per-semester part: required courses always run, a share of the electives does.
    let mut electives: Vec<usize> = (0..n).filter(|&i| !entries[i].required).collect();
    semester.shuffle(&mut electives);
    let keep_percent = if seasonal { 65 + semester.below(16) } else { 75 + semester.below(16) };
    let dropped = electives.len() - (electives.len() * keep_percent).div_ceil(100);
    let mut sections = vec![1; n];
    for &i in &electives[..dropped] {
        sections[i] = 0;
    }
    let mut total: usize = sections.iter().sum();
    'fill: for _ in 1..MAX_SECTIONS {
        for &i in &priority {
            if total >= target {
                break 'fill;
            }
            if sections[i] > 0 {
                sections[i] += 1;
                total += 1;
            }
        }
    }

    for (i, entry) in entries.iter().enumerate() {
        let name = match unit.stem {
            Some(stem) => format!("{stem}{}", entry.name),
            None => entry.name.to_string(),
        };
        let number = entry.year * 1000 + (i as i64 + 1) * 10 + unit.nth;
        let category = match (unit.department_id.is_some(), entry.required) {
            (true, true) => CourseCategory::MajorRequired,
            (true, false) => CourseCategory::MajorElective,
            (false, true) => CourseCategory::GeneralRequired,
            (false, false) => CourseCategory::GeneralElective,
        };
        // Section s is taught by the s-th professor after the course's owner: 2 sections means 2 professors.
        for s in 0..sections[i] * scale {
            out.push(GeneratedCourse {
                code: format!("{}{number:04}-{:02}", unit.prefix, s + 1),
                name: name.clone(),
                professor: unit.professors[(owner[i] + s) % unit.professors.len()].clone(),
                department_id: unit.department_id,
                credits: entry.credits,
                category,
                room: room(unit.buildings, semester),
                capacity: capacity(entry, unit.department_id.is_none(), semester),
                slots: slots(entry.credits, semester),
            });
        }
    }
}

/// The field a department belongs to, by keywords in its name, or the generic fallback.
fn field_for(department_name: &str) -> &'static Field {
    FIELDS.iter().find(|f| f.keywords.iter().any(|k| department_name.contains(k))).unwrap_or(&GENERIC)
}

/// "사회학과" → "사회학", "자유전공학부" → "자유전공학".
fn stem(department_name: &str) -> &str {
    let stem = department_name
        .strip_suffix('과')
        .or_else(|| department_name.strip_suffix('부'))
        .unwrap_or(department_name);
    if stem.is_empty() {
        "전공"
    } else {
        stem
    }
}

/// `min..=max` professor names drawn from the stream `seed`, skipping names already `taken` in the school.
fn professor_pool(taken: &mut HashSet<String>, seed: &[i64], min: usize, max: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let size = min + rng.below(max - min + 1);
    let mut pool = Vec::with_capacity(size);
    // Bounded so that absurdly many departments (more than the name space) cannot loop forever; only then
    // may a name repeat.
    for attempt in 0..size * 50 {
        if pool.len() == size {
            break;
        }
        let name = format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN_NAMES));
        if taken.insert(name.clone()) || attempt >= size * 40 {
            pool.push(name);
        }
    }
    pool
}

/// A room such as "공학관 301" or "인문관 B102".
fn room(buildings: &[&str], rng: &mut Rng) -> String {
    let building = rng.pick(buildings);
    let number = 1 + rng.below(20);
    if rng.chance(7) {
        format!("{building} B1{number:02}")
    } else {
        format!("{building} {}{number:02}", 1 + rng.below(5))
    }
}

/// Capacity: small for labs, seminars, studios, writing, languages and sports; large for 교양 lectures; smaller for
/// upper-year majors than for first- and second-year ones.
fn capacity(entry: &Entry, general: bool, rng: &mut Rng) -> i64 {
    let small = entry.credits == 1
        || ["실험", "세미나", "건축설계", "캡스톤", "글쓰기", "대학영어", "회화", "어1", "연기"]
            .iter()
            .any(|k| entry.name.contains(k));
    let choices: &[i64] = if small {
        &[20, 24, 25, 30, 35, 40]
    } else if general {
        &[60, 80, 100, 120, 150, 200]
    } else if entry.year <= 2 {
        &[40, 50, 60, 70, 80, 100, 120]
    } else {
        &[25, 30, 40, 45, 50, 60]
    };
    *rng.pick(choices)
}

/// Weekly meetings for a course of `credits` credits; meetings of one course are on different days, so they
/// never overlap.
fn slots(credits: i64, rng: &mut Rng) -> Vec<Slot> {
    let slot = |weekday: i64, start: i64, minutes: i64| Slot {
        weekday,
        start_minute: start,
        end_minute: start + minutes,
    };
    // ≈2%: one Saturday block.
    if credits <= 3 && rng.chance(2) {
        let minutes = [100, 110, 180][(credits.clamp(1, 3) - 1) as usize];
        return vec![slot(5, *rng.pick(&[540, 600, 780]), minutes)];
    }
    let evening = rng.chance(5);
    let pair = *rng.pick(&[[0, 2], [1, 3]]);
    match credits {
        1 | 2 => {
            let minutes = match credits {
                1 => *rng.pick(&[50, 50, 100]),
                _ => *rng.pick(&[100, 110]),
            };
            let start = if evening { EVENING } else { *rng.pick(&HOUR_STARTS) };
            vec![slot(rng.below(5) as i64, start, minutes)]
        }
        4 => {
            if rng.chance(60) {
                let start = if evening { EVENING } else { *rng.pick(&LONG_STARTS) };
                pair.iter().map(|&d| slot(d, start, 100)).collect()
            } else {
                let start = *rng.pick(&HOUR_STARTS);
                [0, 2, 4].iter().map(|&d| slot(d, start, 50)).collect()
            }
        }
        _ => {
            if rng.chance(85) {
                let start = if evening { EVENING } else { *rng.pick(&PAIR_STARTS) };
                pair.iter().map(|&d| slot(d, start, 75)).collect()
            } else {
                // A 3-hour block, most often on Friday (e.g. Fri 13:00–16:00).
                let weekday = *rng.pick(&[0, 1, 2, 3, 4, 4, 4]);
                let start = if evening { EVENING } else { *rng.pick(&BLOCK_STARTS) };
                vec![slot(weekday, start, 180)]
            }
        }
    }
}

/// A tiny splitmix64 generator: deterministic across platforms and Rust versions, unlike `rand`'s defaults.
struct Rng(u64);

impl Rng {
    const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

    /// A stream seeded from all of `parts`, in order.
    fn new(parts: &[i64]) -> Rng {
        let mut state: u64 = 0x243F_6A88_85A3_08D3;
        for &part in parts {
            state = Self::mix(state.wrapping_add(Self::GAMMA) ^ part as u64);
        }
        Rng(state)
    }

    fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(Self::GAMMA);
        Self::mix(self.0)
    }

    /// Uniform-enough in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 서울대학교's twelve departments of the seed data.
    fn snu() -> Vec<(i64, String)> {
        [
            "국어국문학과",
            "영어영문학과",
            "경제학부",
            "경영학과",
            "컴퓨터공학부",
            "전기·정보공학부",
            "기계공학부",
            "수리과학부",
            "물리·천문학부",
            "화학부",
            "생명과학부",
            "심리학과",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| (i as i64 + 1, name.to_string()))
        .collect()
    }

    /// KAIST's eleven departments of the seed data, the smallest school.
    fn kaist() -> Vec<(i64, String)> {
        [
            "전산학부",
            "전기및전자공학부",
            "기계공학과",
            "수리과학과",
            "물리학과",
            "화학과",
            "생명과학과",
            "산업및시스템공학과",
            "생명화학공학과",
            "신소재공학과",
            "기술경영학부",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| (i as i64 + 66, name.to_string()))
        .collect()
    }

    #[test]
    fn every_term_has_at_least_300_courses() {
        for term in 1..=4 {
            let snu = generate(1, &snu(), 2026, term, 1).len();
            let kaist = generate(6, &kaist(), 2026, term, 1).len();
            println!("term {term}: 12 departments {snu}, 11 departments {kaist}");
            assert!(snu >= 300, "term {term}: {snu}");
            assert!(kaist >= 300, "term {term}: {kaist}");
            assert!(snu <= 420, "term {term}: {snu}");
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(generate(3, &snu(), 2025, 3, 1), generate(3, &snu(), 2025, 3, 1));
        assert_ne!(generate(3, &snu(), 2025, 3, 1), generate(3, &snu(), 2026, 1, 1));
    }

    fn assert_valid(courses: &[GeneratedCourse]) {
        let codes: HashSet<&str> = courses.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes.len(), courses.len(), "codes must be unique");
        for c in courses {
            assert!((1..=4).contains(&c.credits), "{c:?}");
            assert!((20..=200).contains(&c.capacity), "{c:?}");
            let general =
                matches!(c.category, CourseCategory::GeneralRequired | CourseCategory::GeneralElective);
            assert_eq!(c.department_id.is_none(), general, "{c:?}");
            assert!((1..=3).contains(&c.slots.len()), "{c:?}");
            for s in &c.slots {
                assert!((0..=6).contains(&s.weekday), "{c:?}");
                let (start, end) = (s.start_minute, s.end_minute);
                assert!(start < end && start % 5 == 0 && end % 5 == 0, "{c:?}");
                assert!(start >= 8 * 60 && end <= 22 * 60, "{c:?}");
            }
            for (i, a) in c.slots.iter().enumerate() {
                for b in &c.slots[i + 1..] {
                    assert!(!a.clashes_with(b), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn codes_unique_and_slots_valid() {
        for term in 1..=4 {
            assert_valid(&generate(1, &snu(), 2026, term, 1));
            assert_valid(&generate(6, &kaist(), 2025, term, 1));
        }
        // Unmatched and same-field departments still get distinct codes.
        let odd: Vec<(i64, String)> = vec![
            (1, "사회학과".into()),
            (2, "정치외교학과".into()),
            (3, "화학과".into()),
            (4, "화학부".into()),
        ];
        let courses = generate(9, &odd, 2026, 1, 1);
        assert_valid(&courses);
        assert!(courses.iter().any(|c| c.name == "사회학개론"));
    }

    #[test]
    fn every_seeded_department_has_a_field() {
        for (_, name) in snu().iter().chain(&kaist()) {
            assert_ne!(field_for(name).prefix, GENERIC.prefix, "{name}");
        }
        for name in [
            "경제학과",
            "경제금융학부",
            "경영학부",
            "컴퓨터과학과",
            "컴퓨터학과",
            "소프트웨어학과",
            "컴퓨터소프트웨어학부",
            "전기전자공학부",
            "전자전기공학부",
            "융합전자공학부",
            "수학과",
            "심리학부",
            "신학과",
            "행정학과",
            "유학·동양학과",
            "건축학부",
            "연극영화학과",
        ] {
            assert_ne!(field_for(name).prefix, GENERIC.prefix, "{name}");
        }
        assert_eq!(field_for("생명화학공학과").prefix, "CBE");
        assert_eq!(field_for("기술경영학부").prefix, "MOT");
        assert_eq!(field_for("컴퓨터소프트웨어학부").prefix, "CSE");
    }

    #[test]
    fn professors_teach_several_courses_and_pairs_recur() {
        let spring = generate(1, &snu(), 2026, 1, 1);
        let fall = generate(1, &snu(), 2026, 3, 1);
        // Professor names are unique within the school: no one appears in two departments.
        let (mut all, mut per_department) = (HashSet::new(), 0);
        for (id, _) in snu() {
            let courses: Vec<_> = fall.iter().filter(|c| c.department_id == Some(id)).collect();
            let professors: HashSet<&str> = courses.iter().map(|c| c.professor.as_str()).collect();
            assert!((6..=10).contains(&professors.len()), "department {id}");
            assert!(courses.len() >= 2 * professors.len(), "department {id}");
            per_department += professors.len();
            all.extend(professors);
        }
        assert_eq!(all.len(), per_department);

        let pairs = |courses: &[GeneratedCourse]| -> HashSet<(String, String)> {
            courses.iter().map(|c| (c.name.clone(), c.professor.clone())).collect()
        };
        let (spring, fall) = (pairs(&spring), pairs(&fall));
        let recurring = fall.iter().filter(|p| spring.contains(*p)).count();
        println!("{recurring} of {} fall pairs also in spring", fall.len());
        assert!(recurring * 100 >= fall.len() * 60, "{recurring} of {}", fall.len());
    }

    #[test]
    fn benchmark_scale() {
        let courses = generate(1, &snu(), 2026, 1, 30);
        println!("sections_per_course = 30: {} courses", courses.len());
        assert!(courses.len() >= 10_000);
        assert_valid(&courses);
    }
}
