package kr.seoullearn.local.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * A made-up but realistic course catalogue: the same providers, size and seed always give the
 * same courses (ids included), so the local cloud, the tests and the benchmarks see one
 * catalogue. Titles read like the providers' own, in Korean and English: "중학 수학 2-1 일차함수
 * 개념 완성" / "Middle school maths 2-1: linear functions, core concepts".
 */
public final class CatalogGenerator {
    /** The seed of the local cloud's catalogue. */
    public static final long DEFAULT_SEED = 20_260_301L;

    private record Words(String ko, String en) {}

    private static Words w(String ko, String en) {
        return new Words(ko, en);
    }

    private static final Words[] SCHOOL_KINDS = {
            w("개념 완성", "core concepts"), w("유형 정복", "problem types"), w("기출 문제 풀이", "past papers"),
            w("심화", "advanced"), w("기초 다지기", "foundations"), w("서술형 대비", "written answers"),
            w("내신 대비", "school exam preparation"), w("방학 특강", "holiday special"), w("단원 정리", "unit review"),
            w("한 권으로 끝내기", "all in one"), w("교과서 완전 정복", "the textbook, fully covered")};
    private static final Words[] HIGH_KINDS = {
            w("수능 대비", "CSAT preparation"), w("모의고사", "mock exams"), w("수능 기출", "past CSAT papers")};
    private static final Words[] GED_STAGES = {
            w("초졸", "elementary level"), w("중졸", "middle school level"), w("고졸", "high school level")};
    private static final Words[] GED_KINDS = {
            w("핵심 정리", "key points"), w("기출 문제 풀이", "past papers"), w("합격 전략", "passing strategy"),
            w("기초 다지기", "foundations"), w("단기 완성", "in a short time")};
    private static final Words[] ADULT_KINDS = {
            w("입문", "introduction"), w("실전", "in practice"), w("단기 완성", "in a short time"),
            w("핵심 요약", "key points"), w("기출 문제 풀이", "past papers"), w("합격 전략", "passing strategy")};
    private static final Words[] CERTIFICATES = {
            w("컴퓨터활용능력 1급 필기", "Computer Proficiency Certificate level 1, written"),
            w("컴퓨터활용능력 2급 실기", "Computer Proficiency Certificate level 2, practical"),
            w("워드프로세서", "Word Processor certificate"),
            w("한국사능력검정 심화", "Korean History Proficiency Test, advanced"),
            w("한국사능력검정 기본", "Korean History Proficiency Test, basic"),
            w("전산회계 2급", "Computerised Accounting level 2"), w("ITQ 엑셀", "ITQ Excel"),
            w("요양보호사", "Care worker certificate"), w("바리스타 2급", "Barista level 2"),
            w("공인중개사 1차", "Licensed Real Estate Agent, part 1")};
    private static final Words[] SECOND_LANGUAGES = {
            w("중국어", "Chinese"), w("일본어", "Japanese"), w("스페인어", "Spanish"), w("독일어", "German"), w("프랑스어", "French")};
    private static final Words[] SURNAMES = {
            w("김", "Kim"), w("이", "Lee"), w("박", "Park"), w("최", "Choi"), w("정", "Jung"), w("강", "Kang"), w("조", "Cho"),
            w("윤", "Yoon"), w("장", "Jang"), w("임", "Lim"), w("한", "Han"), w("오", "Oh"), w("서", "Seo"), w("신", "Shin"),
            w("권", "Kwon"), w("황", "Hwang"), w("안", "Ahn"), w("송", "Song"), w("류", "Ryu"), w("홍", "Hong")};
    private static final Words[] GIVEN_NAMES = {
            w("민준", "Min-jun"), w("서연", "Seo-yeon"), w("지훈", "Ji-hoon"), w("수진", "Su-jin"), w("현우", "Hyun-woo"),
            w("지영", "Ji-young"), w("태양", "Tae-yang"), w("은지", "Eun-ji"), w("도윤", "Do-yoon"), w("하은", "Ha-eun"),
            w("준호", "Jun-ho"), w("미경", "Mi-kyung"), w("성민", "Sung-min"), w("유진", "Yu-jin"), w("동현", "Dong-hyun"),
            w("소희", "So-hee"), w("재원", "Jae-won"), w("다은", "Da-eun"), w("상우", "Sang-woo"), w("예린", "Ye-rin")};

    private CatalogGenerator() {}

    /** {@code size} courses spread evenly over the providers, in a fixed order. */
    public static List<Course> generate(List<Provider> providers, int size, long seed) {
        if (size < 0 || providers.isEmpty()) {
            throw new IllegalArgumentException("need providers and a size >= 0");
        }
        List<Course> courses = new ArrayList<>(size);
        Random ids = new Random(seed);
        Set<String> used = new HashSet<>();
        for (int p = 0; p < providers.size(); p++) {
            Provider provider = providers.get(p);
            int count = size / providers.size() + (p < size % providers.size() ? 1 : 0);
            Random rnd = new Random(seed ^ (0x9E3779B97F4A7C15L * (p + 1)));
            for (int i = 0; i < count; i++) {
                String id;
                do {
                    id = String.format("c%08x", ids.nextInt());
                } while (!used.add(id));
                courses.add(course(id, provider, rnd));
            }
        }
        return courses;
    }

    private static Course course(String id, Provider provider, Random rnd) {
        List<SchoolLevel> levels = provider.levels();
        SchoolLevel level = levels.size() == 1 ? levels.get(0)
                : levels.contains(SchoolLevel.ADULT) && levels.contains(SchoolLevel.NOT_IN_SCHOOL)
                ? (rnd.nextInt(10) < 4 ? SchoolLevel.NOT_IN_SCHOOL : SchoolLevel.ADULT)
                : levels.get(rnd.nextInt(levels.size()));
        Subject subject = subject(level, rnd);
        Words surname = pick(SURNAMES, rnd);
        Words given = pick(GIVEN_NAMES, rnd);
        Words title;
        Integer grade = null;
        switch (level) {
            case ELEMENTARY, MIDDLE, HIGH -> {
                grade = hasGrade(level, subject) ? firstGrade(level, subject) + rnd.nextInt(level.grades() - firstGrade(level, subject) + 1) : null;
                title = schoolTitle(level, subject, grade, rnd);
            }
            case NOT_IN_SCHOOL -> title = gedTitle(subject, rnd);
            default -> title = adultTitle(subject, rnd);
        }
        if (rnd.nextInt(100) < 15) {
            title = new Words(title.ko + " (2026 개정)", title.en + " (2026 edition)");
        }
        int lessons = 8 + rnd.nextInt(33);
        int perLesson = switch (level) {
            case ELEMENTARY -> 15 + rnd.nextInt(11);
            case MIDDLE -> 20 + rnd.nextInt(16);
            case HIGH -> 30 + rnd.nextInt(21);
            case NOT_IN_SCHOOL -> 30 + rnd.nextInt(16);
            default -> 25 + rnd.nextInt(26);
        };
        return new Course(id, provider.id(), level, grade, subject, title.ko, title.en,
                surname.ko + given.ko, surname.en + " " + given.en, lessons * perLesson, lessons);
    }

    private static Subject subject(SchoolLevel level, Random rnd) {
        Object[] weights = switch (level) {
            case ELEMENTARY -> new Object[] {Subject.KOREAN, 20, Subject.MATH, 25, Subject.ENGLISH, 20, Subject.SCIENCE, 12,
                    Subject.SOCIAL, 10, Subject.HISTORY, 5, Subject.CODING, 6, Subject.CAREER, 2};
            case MIDDLE -> new Object[] {Subject.KOREAN, 17, Subject.MATH, 25, Subject.ENGLISH, 22, Subject.SCIENCE, 14,
                    Subject.SOCIAL, 10, Subject.HISTORY, 6, Subject.SECOND_LANGUAGE, 2, Subject.CODING, 2, Subject.CAREER, 2};
            case HIGH -> new Object[] {Subject.KOREAN, 20, Subject.MATH, 25, Subject.ENGLISH, 20, Subject.SCIENCE, 14,
                    Subject.SOCIAL, 10, Subject.HISTORY, 5, Subject.SECOND_LANGUAGE, 3, Subject.CODING, 1, Subject.CAREER, 2};
            case NOT_IN_SCHOOL -> new Object[] {Subject.KOREAN, 20, Subject.MATH, 25, Subject.ENGLISH, 20, Subject.SCIENCE, 15,
                    Subject.SOCIAL, 15, Subject.HISTORY, 5};
            case ADULT -> new Object[] {Subject.CERTIFICATE, 40, Subject.ENGLISH, 20, Subject.CODING, 20, Subject.CAREER, 10,
                    Subject.HISTORY, 10};
        };
        int total = 0;
        for (int i = 1; i < weights.length; i += 2) {
            total += (Integer) weights[i];
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i += 2) {
            r -= (Integer) weights[i + 1];
            if (r < 0) {
                return (Subject) weights[i];
            }
        }
        throw new IllegalStateException();
    }

    private static boolean hasGrade(SchoolLevel level, Subject subject) {
        return switch (subject) {
            case KOREAN, MATH, ENGLISH -> true;
            case SCIENCE, SOCIAL -> true;
            case HISTORY -> level == SchoolLevel.ELEMENTARY;
            default -> false;
        };
    }

    private static int firstGrade(SchoolLevel level, Subject subject) {
        if (level != SchoolLevel.ELEMENTARY) {
            return 1;
        }
        return switch (subject) {
            case SCIENCE, SOCIAL -> 3;
            case HISTORY -> 5;
            default -> 1;
        };
    }

    private static Words schoolTitle(SchoolLevel level, Subject subject, Integer grade, Random rnd) {
        String levelKo = switch (level) {
            case ELEMENTARY -> "초등";
            case MIDDLE -> "중학";
            default -> "고등";
        };
        String levelEn = switch (level) {
            case ELEMENTARY -> "Elementary";
            case MIDDLE -> "Middle school";
            default -> "High school";
        };
        Words name = subject == Subject.SECOND_LANGUAGE ? pick(SECOND_LANGUAGES, rnd) : switch (subject) {
            case KOREAN -> w("국어", "Korean");
            case MATH -> w("수학", "maths");
            case ENGLISH -> w("영어", "English");
            case SCIENCE -> w("과학", "science");
            case SOCIAL -> w("사회", "social studies");
            case HISTORY -> w("역사", "history");
            case CODING -> w("코딩", "coding");
            default -> w("진로", "careers");
        };
        Words kind = level == SchoolLevel.HIGH && rnd.nextInt(4) == 0 ? pick(HIGH_KINDS, rnd) : pick(SCHOOL_KINDS, rnd);
        Words topic = rnd.nextInt(10) < 6 || grade == null ? pick(topics(subject, level), rnd) : null;
        String gradeText = grade == null ? "" : " " + grade + "-" + (1 + rnd.nextInt(2));
        String ko = levelKo + " " + name.ko + gradeText + (topic == null ? "" : " " + topic.ko) + " " + kind.ko;
        String en = levelEn + " " + name.en + gradeText + ": " + (topic == null ? "" : topic.en + ", ") + kind.en;
        return new Words(ko, en);
    }

    private static Words gedTitle(Subject subject, Random rnd) {
        Words stage = pick(GED_STAGES, rnd);
        Words name = switch (subject) {
            case KOREAN -> w("국어", "Korean");
            case MATH -> w("수학", "maths");
            case ENGLISH -> w("영어", "English");
            case SCIENCE -> w("과학", "science");
            case SOCIAL -> w("사회", "social studies");
            default -> w("한국사", "Korean history");
        };
        Words kind = pick(GED_KINDS, rnd);
        return new Words("검정고시 " + stage.ko + " " + name.ko + " " + kind.ko, "GED (" + stage.en + ") " + name.en + ": " + kind.en);
    }

    private static Words adultTitle(Subject subject, Random rnd) {
        Words topic = switch (subject) {
            case CERTIFICATE -> pick(CERTIFICATES, rnd);
            case ENGLISH -> pick(new Words[] {w("토익", "TOEIC"), w("토익스피킹", "TOEIC Speaking"), w("오픽", "OPIc"),
                    w("기초 영문법", "basic English grammar"), w("비즈니스 영어", "business English"), w("여행 영어", "travel English")}, rnd);
            case CODING -> pick(new Words[] {w("파이썬", "Python"), w("엑셀 실무", "Excel at work"), w("자바스크립트", "JavaScript"),
                    w("데이터 분석", "data analysis"), w("웹 디자인", "web design"), w("SQL", "SQL")}, rnd);
            case CAREER -> pick(new Words[] {w("취업 자기소개서", "job applications: cover letters"), w("면접 준비", "interview preparation"),
                    w("창업 기초", "starting a business"), w("직업 탐색", "exploring jobs")}, rnd);
            default -> pick(new Words[] {w("한국사", "Korean history"), w("세계사", "world history")}, rnd);
        };
        Words kind = pick(ADULT_KINDS, rnd);
        return new Words(topic.ko + " " + kind.ko, capitalise(topic.en) + ": " + kind.en);
    }

    private static Words[] topics(Subject subject, SchoolLevel level) {
        int l = level == SchoolLevel.ELEMENTARY ? 0 : level == SchoolLevel.MIDDLE ? 1 : 2;
        return switch (subject) {
            case MATH -> new Words[][] {
                    {w("수와 연산", "numbers and operations"), w("분수", "fractions"), w("소수", "decimals"), w("도형", "shapes"),
                            w("측정", "measurement"), w("곱셈", "multiplication"), w("나눗셈", "division"), w("규칙 찾기", "patterns")},
                    {w("정수와 유리수", "integers and rational numbers"), w("일차방정식", "linear equations"), w("일차함수", "linear functions"),
                            w("연립방정식", "simultaneous equations"), w("이차방정식", "quadratic equations"),
                            w("피타고라스 정리", "Pythagoras' theorem"), w("확률", "probability"), w("도형의 성질", "properties of shapes"),
                            w("통계", "statistics")},
                    {w("다항식", "polynomials"), w("방정식과 부등식", "equations and inequalities"), w("지수와 로그", "exponents and logarithms"),
                            w("삼각함수", "trigonometric functions"), w("수열", "sequences"), w("미분", "differentiation"), w("적분", "integration"),
                            w("확률과 통계", "probability and statistics"), w("기하", "geometry"), w("미적분", "calculus")}}[l];
            case KOREAN -> new Words[][] {
                    {w("받아쓰기", "dictation"), w("읽기", "reading"), w("글쓰기", "writing"), w("맞춤법", "spelling"), w("독서", "book reading")},
                    {w("문학", "literature"), w("비문학", "non-fiction reading"), w("문법", "grammar"), w("시", "poetry"), w("소설", "fiction"),
                            w("작문", "composition")},
                    {w("현대시", "modern poetry"), w("고전 문학", "classical literature"), w("독서", "reading"), w("언어와 매체", "language and media"),
                            w("화법과 작문", "speech and writing"), w("비문학", "non-fiction reading")}}[l];
            case ENGLISH -> new Words[][] {
                    {w("파닉스", "phonics"), w("단어", "vocabulary"), w("듣기", "listening"), w("말하기", "speaking"), w("동화 읽기", "story reading")},
                    {w("문법", "grammar"), w("독해", "reading"), w("듣기", "listening"), w("어휘", "vocabulary"), w("서술형", "written answers"),
                            w("회화", "conversation")},
                    {w("구문", "sentence structure"), w("독해", "reading"), w("어법", "usage"), w("빈칸 추론", "gap filling"), w("듣기", "listening"),
                            w("어휘", "vocabulary")}}[l];
            case SCIENCE -> new Words[][] {
                    {w("식물", "plants"), w("동물", "animals"), w("날씨", "weather"), w("물질", "materials"), w("지구와 우주", "Earth and space")},
                    {w("물질의 구성", "composition of matter"), w("힘과 운동", "force and motion"), w("생물의 구성", "living things"),
                            w("전기와 자기", "electricity and magnetism"), w("화학 반응", "chemical reactions"), w("지구계", "the Earth system")},
                    {w("통합과학", "integrated science"), w("물리학", "physics"), w("화학", "chemistry"), w("생명과학", "life science"),
                            w("지구과학", "earth science")}}[l];
            case SOCIAL -> new Words[][] {
                    {w("우리 지역", "our community"), w("지도 읽기", "reading maps"), w("경제생활", "everyday economics"), w("민주주의", "democracy")},
                    {w("지리", "geography"), w("정치", "politics"), w("경제", "economics"), w("법과 사회", "law and society"), w("인권", "human rights")},
                    {w("통합사회", "integrated social studies"), w("사회문화", "society and culture"), w("생활과 윤리", "ethics"), w("경제", "economics"),
                            w("정치와 법", "politics and law"), w("한국지리", "Korean geography"), w("세계지리", "world geography")}}[l];
            case HISTORY -> new Words[][] {
                    {w("우리 역사", "Korean history"), w("인물", "historical figures"), w("문화유산", "cultural heritage")},
                    {w("한국사", "Korean history"), w("세계사", "world history"), w("근현대사", "modern history")},
                    {w("한국사", "Korean history"), w("동아시아사", "East Asian history"), w("세계사", "world history")}}[l];
            case SECOND_LANGUAGE -> new Words[] {w("기초 회화", "basic conversation"), w("문법", "grammar"), w("읽기", "reading")};
            case CODING -> new Words[][] {
                    {w("스크래치", "Scratch"), w("엔트리", "Entry"), w("로봇 코딩", "robot coding"), w("알고리즘 놀이", "algorithm games")},
                    {w("파이썬", "Python"), w("엔트리", "Entry"), w("앱 만들기", "making apps"), w("알고리즘", "algorithms"),
                            w("인공지능", "artificial intelligence")},
                    {w("파이썬", "Python"), w("자료구조", "data structures"), w("인공지능", "artificial intelligence"),
                            w("웹 프로그래밍", "web programming")}}[l];
            default -> new Words[][] {
                    {w("꿈 찾기", "finding your dream"), w("직업 체험", "trying out jobs"), w("공부 습관", "study habits")},
                    {w("진로 탐색", "career exploration"), w("공부 습관", "study habits"), w("고교 선택", "choosing a high school"),
                            w("시간 관리", "time management")},
                    {w("진로 설계", "career planning"), w("학생부 관리", "school records"), w("자기소개서", "personal statements"),
                            w("면접", "interviews"), w("대학 전공 탐색", "exploring university majors")}}[l];
        };
    }

    private static Words pick(Words[] options, Random rnd) {
        return options[rnd.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
