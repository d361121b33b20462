#!/usr/bin/env python3
"""Writes presets/*.json, the five built-in season formats (see docs/presets.md).

Deterministic: the synthetic trainees come from a fixed seed, so re-running rewrites the same files.
Usage: python3 tools/generate_presets.py   (from the repository root)
"""
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KST = "+09:00"


def t(ko, en):
    return {"ko": ko, "en": en}


def at(date, time="23:00", zone=KST):
    return f"{date}T{time}:00{zone}"


SURNAMES = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 노 하".split()
GIVEN_FIRST = "민 지 서 준 현 도 우 시 하 주 은 예 태 승 재 성 동 정 영 윤 원 건 진 수 유".split()
GIVEN_SECOND = "준 호 우 진 민 현 훈 석 빈 찬 혁 원 수 율 결 환 성 규 겸 완 범 한 재 오".split()
POSITIONS = ["vocal", "dance", "rap", "visual"]
SAMPLE_AGENCIES = [f"Sample Agency {c}" for c in "ABCDEFGHIJKLMNOP"]


def synthetic_korean_names(rng, count, taken):
    names = []
    while len(names) < count:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN_FIRST) + rng.choice(GIVEN_SECOND)
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def synthetic_birth(rng, first_year, last_year):
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def trainee(id_, hangul, romanized=None, english=None, agency=None, nationality="KR", birth=None,
            positions=(), group=None, home=None):
    result = {"id": id_, "hangul": hangul}
    if romanized:
        result["romanized"] = romanized
    if english:
        result["englishName"] = english
    if agency:
        result["agency"] = agency
    if nationality:
        result["nationality"] = nationality
    if birth:
        result["birthDate"] = birth
    result["positions"] = list(positions)
    if group:
        result["group"] = group
    if home:
        result["homeSegment"] = home
    return result


def fill_synthetic(rng, trainees, total, first_index, group=None, nationality="KR", years=(1995, 2004)):
    taken = {x["hangul"] for x in trainees}
    names = synthetic_korean_names(rng, total - len(trainees), taken)
    for offset, name in enumerate(names):
        trainees.append(trainee(
            f"t{first_index + offset:03d}", name, agency=rng.choice(SAMPLE_AGENCIES), nationality=nationality,
            birth=synthetic_birth(rng, *years), positions=rng.sample(POSITIONS, rng.randint(1, 2)), group=group))
    return trainees


def ballot(max_picks, min_picks=1, **extra):
    result = {"minPicks": min_picks, "maxPicks": max_picks}
    result.update(extra)
    return result


def round_(id_, ko, en, opens, closes, ballot_rule, eligible=None):
    result = {"id": id_, "name": t(ko, en), "opensAt": opens, "closesAt": closes}
    if eligible:
        result["eligible"] = eligible
    result["ballot"] = ballot_rule
    return result


def votes(label, rounds, **extra):
    result = {"label": label, "kind": "votes", "rounds": rounds}
    result.update(extra)
    return result


def benefits(label, evaluations):
    return {"label": label, "kind": "evaluations", "evaluations": evaluations}


def announcement(id_, ko, en, when, sources, cut=None, pool=None, seats=(), tie_break=(), finale=False):
    result = {"id": id_, "name": t(ko, en), "at": when}
    if pool:
        result["pool"] = pool
    result["sources"] = sources
    if cut is not None:
        result["cutLine"] = cut
    if seats:
        result["specialSeats"] = list(seats)
    if tie_break:
        result["tieBreak"] = list(tie_break)
    if finale:
        result["isFinale"] = True
    return result


def survivors(of):
    return {"survivorsOf": of}


# ---------------------------------------------------------------- Produce 101 season 2 (Mnet, 2017)

def produce_101_s2():
    rng = random.Random(101_2)
    debut = [
        # Wanna One, in final ranking order: Hangul, own spelling, agency, birth date, positions.
        ("강다니엘", None, "MMO Entertainment", "1996-12-10", ["dance", "vocal"]),
        ("박지훈", "Park Jihoon", "Maroo Entertainment", "1999-05-29", ["vocal", "dance", "visual"]),
        ("이대휘", "Lee Daehwi", "Brand New Music", "2001-01-29", ["vocal", "dance"]),
        ("김재환", None, None, "1996-05-27", ["vocal"]),
        ("옹성우", "Ong Seongwu", "Fantagio", "1995-08-25", ["dance", "vocal", "visual"]),
        ("박우진", "Park Woojin", "Brand New Music", "1999-11-02", ["rap", "dance"]),
        ("라이관린", "Lai Guanlin", "Cube Entertainment", "2001-09-23", ["rap", "visual"]),
        ("윤지성", "Yoon Jisung", "MMO Entertainment", "1991-03-08", ["vocal"]),
        ("황민현", "Hwang Minhyun", "Pledis Entertainment", "1995-08-09", ["vocal", "visual"]),
        ("배진영", "Bae Jinyoung", "C9 Entertainment", "2000-05-10", ["vocal", "visual"]),
        ("하성운", "Ha Sungwoon", "Star Crew Entertainment", "1994-03-22", ["vocal", "dance"]),
    ]
    others = [
        # Other real trainees of the season, as news reports of the time name them (agency where reported).
        ("정세운", "Jeong Sewoon", "Starship Entertainment"), ("김종현", "Kim Jonghyun", "Pledis Entertainment"),
        ("김사무엘", "Kim Samuel", "Brave Entertainment"), ("안형섭", "Ahn Hyungseob", "Yuehua Entertainment"),
        ("이의웅", "Lee Euiwoong", "Yuehua Entertainment"), ("유선호", "Yoo Seonho", "Cube Entertainment"),
        ("강동호", "Kang Dongho", "Pledis Entertainment"), ("주학년", "Joo Haknyeon", "Cre.ker Entertainment"),
        ("최민기", "Choi Minki", "Pledis Entertainment"), ("노태현", "No Taehyun", None),
        ("김태민", "Kim Taemin", None), ("김태우", "Kim Taewoo", None), ("김현우", "Kim Hyunwoo", None),
        ("윤재찬", "Yoon Jaechan", None), ("이후림", "Lee Hoolim", None), ("변현민", "Byun Hyunmin", None),
        ("윤용빈", "Yoon Yongbin", None), ("최준영", "Choi Junyoung", None), ("홍은기", "Hong Eunki", "GON Entertainment"),
        ("우진영", "Woo Jinyoung", "HF Music Company"), ("김동현", "Kim Donghyun", "Brand New Music"),
        ("이광현", "Lee Gwanghyun", "Starship Entertainment"), ("윤희석", "Yoon Heeseok", "Jellyfish Entertainment"),
        ("저스틴", "Justin", "Yuehua Entertainment"), ("이유진", "Lee Yoojin", "Namoo Actors"),
        ("정동수", "Jung Dongsu", None), ("최승혁", "Choi Seunghyuk", None), ("유호연", "Yoo Hoyeon", None),
    ]
    trainees = []
    for i, (ko, rom, agency, birth, positions) in enumerate(debut, start=1):
        nationality = "TW" if ko == "라이관린" else "KR"
        trainees.append(trainee(f"t{i:03d}", ko, rom, agency=agency or "Individual trainee",
                                nationality=nationality, birth=birth, positions=positions))
    for i, (ko, rom, agency) in enumerate(others, start=len(trainees) + 1):
        nationality = "CN" if ko == "저스틴" else "KR"
        trainees.append(trainee(f"t{i:03d}", ko, rom, agency=agency, nationality=nationality, positions=[]))
    fill_synthetic(rng, trainees, 101, len(trainees) + 1)
    left = ["t099", "t100", "t101"]

    rounds = [
        round_("online-1", "1차 온라인 투표", "1st online vote", at("2017-04-07"), at("2017-04-30", "23:59"),
               ballot(11), {"remove": left}),
        round_("online-2", "2차 온라인 투표", "2nd online vote", at("2017-05-06", "00:00"), at("2017-05-21", "23:59"),
               ballot(11), survivors("ranking-1")),
        round_("online-3", "3차 온라인 투표", "3rd online vote", at("2017-05-27", "00:00"), at("2017-06-04", "23:59"),
               ballot(2), survivors("ranking-2")),
        round_("final-online", "생방송 사전 온라인 투표", "Finale online pre-vote", at("2017-06-10", "00:00"),
               at("2017-06-16", "20:00"), ballot(1), survivors("ranking-3")),
        round_("final-sms", "생방송 문자 투표", "Live SMS vote", at("2017-06-16", "23:00"), at("2017-06-17", "00:40"),
               ballot(1, period="round", channels=[{"id": "sms", "ballotsPerPeriod": 1}]), survivors("ranking-3")),
    ]
    evaluations = [
        {"id": "group-battle", "name": t("그룹 배틀 평가", "Group battle evaluation"), "kind": "mission",
         "benefits": {"groupWin": 3000}},
        {"id": "position", "name": t("포지션 평가", "Position evaluation"), "kind": "mission",
         "benefits": {"songFirst": 10000, "positionFirst": 100000}},
    ]
    announcements = [
        announcement("ranking-1", "1차 순위 발표식", "1st elimination", at("2017-05-05", "23:00"),
                     [votes("online", ["online-1"]), benefits("benefits", ["group-battle"])],
                     cut=60, pool={"remove": left}),
        announcement("ranking-2", "2차 순위 발표식", "2nd elimination", at("2017-05-26", "23:00"),
                     [votes("online", ["online-2"]), benefits("benefits", ["position"])],
                     cut=35, pool=survivors("ranking-1")),
        announcement("ranking-3", "3차 순위 발표식", "3rd elimination", at("2017-06-09", "23:00"),
                     [votes("online", ["online-3"])], cut=20, pool=survivors("ranking-2")),
        announcement("finale", "최종 데뷔 멤버 발표", "Finale: the debut line-up", at("2017-06-17", "00:50"),
                     [votes("online", ["final-online"]), votes("live", ["final-sms"], channel="sms")],
                     cut=11, pool=survivors("ranking-3"), finale=True),
    ]
    return {
        "schemaVersion": 1, "id": "produce-101-s2", "name": t("프로듀스 101 시즌2", "Produce 101 Season 2"),
        "timeZone": "Asia/Seoul", "trainees": trainees, "rounds": rounds, "evaluations": evaluations,
        "announcements": announcements,
    }


# ---------------------------------------------------------------- Produce X 101 (Mnet, 2019)

def produce_x_101():
    rng = random.Random(101_4)
    debut = [
        # X1, in final ranking order (the 11th, 이은상, took the "X" seat).
        ("김요한", "Kim Yohan", "OUI Entertainment", "1999-09-22", ["vocal", "visual"]),
        ("김우석", "Kim Wooseok", "TOP Media", "1996-10-31", ["vocal", "visual"]),
        ("한승우", "Han Seungwoo", "Plan A Entertainment", "1994-12-24", ["rap", "vocal"]),
        ("송형준", "Song Hyeongjun", "Starship Entertainment", "2002-11-30", ["dance", "vocal"]),
        ("조승연", "Cho Seungyoun", "Yuehua Entertainment", "1996-06-05", ["rap", "vocal"]),
        ("손동표", "Son Dongpyo", "DSP Media", "2002-09-09", ["dance", "vocal"]),
        ("이한결", "Lee Hangyul", "MBK Entertainment", "1998-12-20", ["dance", "vocal"]),
        ("남도현", "Nam Dohyon", "MBK Entertainment", "2004-11-10", ["vocal", "rap"]),
        ("차준호", "Cha Junho", "Woollim Entertainment", "2002-07-09", ["vocal", "dance"]),
        ("강민희", "Kang Minhee", "Starship Entertainment", "2002-09-17", ["vocal", "dance"]),
        ("이은상", "Lee Eunsang", "Brand New Music", "2002-10-26", ["vocal", "visual"]),
    ]
    trainees = [trainee(f"t{i:03d}", ko, rom, agency=agency, birth=birth, positions=positions)
                for i, (ko, rom, agency, birth, positions) in enumerate(debut, start=1)]
    fill_synthetic(rng, trainees, 101, len(trainees) + 1, years=(1997, 2004))
    every_round = ["online-1", "online-2", "online-3", "final-online", "final-sms"]
    rounds = [
        round_("online-1", "1차 온라인 투표", "1st online vote", at("2019-05-03"), at("2019-05-30", "23:59"), ballot(11)),
        round_("online-2", "2차 온라인 투표", "2nd online vote", at("2019-06-01", "00:00"), at("2019-06-17", "23:59"),
               ballot(11), survivors("ranking-1")),
        round_("revival", "X 부활 투표", "X revival vote", at("2019-06-01", "00:00"), at("2019-06-17", "23:59"),
               ballot(1), survivors("ranking-1")),
        round_("online-3", "3차 온라인 투표", "3rd online vote", at("2019-06-22", "00:00"), at("2019-07-07", "23:59"),
               ballot(2), survivors("ranking-2")),
        round_("final-online", "생방송 사전 온라인 투표", "Finale online pre-vote", at("2019-07-13", "00:00"),
               at("2019-07-19", "20:00"), ballot(1), survivors("ranking-3")),
        round_("final-sms", "생방송 문자 투표 (건당 100원)", "Live SMS vote (₩100 a vote)", at("2019-07-19", "23:00"),
               at("2019-07-20", "00:45"), ballot(1, period="round", channels=[{"id": "sms", "ballotsPerPeriod": 1}]),
               survivors("ranking-3")),
    ]
    evaluations = [
        {"id": "group-battle", "name": t("그룹 X 배틀 평가", "Group X battle evaluation"), "kind": "mission",
         "benefits": {"groupWin": 3000}},
        # The concept evaluation also gave each trainee 500 × his own on-site votes; that varies per trainee,
        # so it is recorded as an "onSite" result whose value is the product (see docs/presets.md).
        {"id": "concept", "name": t("콘셉트 평가", "Concept evaluation"), "kind": "mission",
         "benefits": {"winningTeam": 200000}},
    ]
    x_seat = {"label": "X", "kind": "highestBelowCut", "count": 1,
              "sources": [votes("accumulated", every_round)]}
    announcements = [
        announcement("ranking-1", "1차 순위 발표식", "1st elimination", at("2019-05-31", "23:00"),
                     [votes("online", ["online-1"]), benefits("benefits", ["group-battle"])], cut=60),
        announcement("ranking-2", "2차 순위 발표식", "2nd elimination (+1 revived)", at("2019-06-21", "23:00"),
                     [votes("online", ["online-2"])], cut=30, pool=survivors("ranking-1"),
                     seats=[{"label": "revived", "kind": "highestBelowCut", "count": 1,
                             "sources": [votes("revival", ["revival"])]}]),
        announcement("ranking-3", "3차 순위 발표식", "3rd elimination", at("2019-07-12", "23:00"),
                     [votes("online", ["online-3"]), benefits("benefits", ["concept"])], cut=20,
                     pool=survivors("ranking-2")),
        announcement("finale", "최종 데뷔 멤버 발표", "Finale: the debut line-up", at("2019-07-20", "00:55"),
                     [votes("online", ["final-online"]), votes("live", ["final-sms"], channel="sms")],
                     cut=10, pool=survivors("ranking-3"), seats=[x_seat], finale=True),
    ]
    return {
        "schemaVersion": 1, "id": "produce-x-101", "name": t("프로듀스 X 101", "Produce X 101"),
        "timeZone": "Asia/Seoul", "trainees": trainees, "rounds": rounds, "evaluations": evaluations,
        "announcements": announcements,
    }


# ---------------------------------------------------------------- Boys Planet (Mnet, 2023)

def boys_planet():
    rng = random.Random(2023)
    k_real = [
        ("성한빈", "Sung Hanbin", "STUDIO GL1DE", "2001-06-13", ["dance", "vocal"]),
        ("김지웅", "Kim Jiwoong", "Individual trainee", "1998-12-14", ["vocal", "visual"]),
        ("김태래", "Kim Taerae", "WAKEONE", "2002-07-14", ["vocal"]),
        ("김규빈", "Kim Gyuvin", "Yuehua Entertainment", "2004-08-30", ["vocal", "visual"]),
        ("박건욱", "Park Gunwook", "Jellyfish Entertainment", "2005-01-10", ["dance", "vocal"]),
        ("한유진", "Han Yujin", "Yuehua Entertainment", "2007-03-20", ["dance", "vocal"]),
        # Further real K trainees among the first vote's top 52 (agency as reported; no birth date here).
        ("이회택", "Lee Hoetaek", "Cube Entertainment", None, []),
        ("금준현", "Kum Junhyeon", "Redstart ENM", None, []),
        ("유승언", "Yoo Seungeon", "Yuehua Entertainment", None, []),
        ("서원", "Seo Won", "FirstOne Entertainment", None, []),
        ("박한빈", "Park Hanbin", "WAKEONE", None, []),
        ("문정현", "Mun Junghyun", "WAKEONE", None, []),
        ("박도하", "Bak Doha", "Cube Entertainment", None, []),
        ("차웅기", "Cha Woongki", "WAKEONE", None, []),
    ]
    g_real = [
        ("장하오", "Zhang Hao", "Yuehua Entertainment", "CN", "2000-07-25", ["vocal", "dance"]),
        ("석매튜", "Seok Matthew", "MNH Entertainment", "CA", "2002-05-28", ["dance", "rap"]),
        ("리키", "Ricky", "Yuehua Entertainment", "CN", "2004-04-20", ["rap", "dance"]),
        ("케이타", "Keita", "RAINCOMPANY", "JP", None, []),
        ("타쿠토", "Takuto", "YY Entertainment", "JP", None, []),
        ("하루토", "Haruto", "WAKEONE", "JP", None, []),
        ("히로토", "Hiroto", "RBW", "JP", None, []),
    ]
    trainees = [trainee(f"k{i:02d}", ko, rom, agency=agency, birth=birth, positions=positions, group="k")
                for i, (ko, rom, agency, birth, positions) in enumerate(k_real, start=1)]
    taken = {x["hangul"] for x in trainees}
    for i, name in enumerate(synthetic_korean_names(rng, 49 - len(k_real), taken), start=len(k_real) + 1):
        trainees.append(trainee(f"k{i:02d}", name, agency=rng.choice(SAMPLE_AGENCIES),
                                birth=synthetic_birth(rng, 1998, 2007), positions=rng.sample(POSITIONS, 1), group="k"))
    for i, (ko, rom, agency, nationality, birth, positions) in enumerate(g_real, start=1):
        trainees.append(trainee(f"g{i:02d}", ko, rom, agency=agency, nationality=nationality, birth=birth,
                                positions=positions, group="g"))
    # Synthetic global trainees: Hangul transcriptions of foreign given names, spelled by the trainee.
    global_pool = [
        ("유우마", "Yuuma", "JP"), ("소타", "Sota", "JP"), ("렌", "Ren", "JP"),
        ("카이토", "Kaito", "JP"), ("리쿠", "Riku", "JP"), ("타이가", "Taiga", "JP"),
        ("하오위", "Haoyu", "CN"), ("즈엉", "Duong", "VN"), ("빈", "Binh", "VN"), ("티안", "Tian", "CN"),
        ("원한", "Wenhan", "CN"), ("지아", "Jia", "CN"), ("린", "Lin", "TW"), ("웨이", "Wei", "TW"),
        ("타나", "Thana", "TH"), ("폰", "Pon", "TH"), ("나인", "Nine", "TH"), ("칸", "Khan", "TH"),
        ("제이든", "Jaden", "US"), ("케일럽", "Caleb", "US"), ("이든", "Ethan", "US"), ("루카스", "Lucas", "US"),
        ("노아", "Noah", "CA"), ("올리버", "Oliver", "AU"), ("리오", "Leo", "AU"), ("마테오", "Mateo", "ES"),
        ("가브리엘", "Gabriel", "BR"), ("라파엘", "Rafael", "BR"), ("아론", "Aaron", "PH"), ("미겔", "Miguel", "PH"),
        ("아리", "Ari", "ID"), ("디마스", "Dimas", "ID"), ("라이언", "Ryan", "MY"), ("대니", "Danny", "MY"),
        ("알렉스", "Alex", "GB"), ("테오", "Theo", "FR"), ("막스", "Max", "DE"), ("엘리", "Eli", "NZ"),
        ("사이", "Sai", "IN"), ("아르준", "Arjun", "IN"), ("미로", "Miro", "FI"), ("닉", "Nick", "SG"),
        ("제이크", "Jake", "SG"), ("헨리", "Henry", "HK"),
    ]
    for i, (ko, rom, nationality) in enumerate(global_pool[: 49 - len(g_real)], start=len(g_real) + 1):
        trainees.append(trainee(f"g{i:02d}", ko, rom, agency=rng.choice(SAMPLE_AGENCIES), nationality=nationality,
                                birth=synthetic_birth(rng, 1998, 2007), positions=rng.sample(POSITIONS, 1), group="g"))

    def both_groups(max_picks, minimum):
        return ballot(max_picks, groupConstraints=[{"group": "k", "min": minimum}, {"group": "g", "min": minimum}])

    def shares(round_id):
        return [votes("korea", [round_id], segment="korea", weight=0.5, conversion="share", scale=100),
                votes("global", [round_id], segment="global", weight=0.5, conversion="share", scale=100)]

    rounds = [
        round_("vote-1", "1차 투표", "1st vote", at("2023-02-02"), at("2023-02-23", "23:59"), both_groups(9, 1)),
        round_("vote-2", "2차 투표", "2nd vote", at("2023-03-03", "00:00"), at("2023-03-16", "23:59"),
               both_groups(6, 1), survivors("ranking-1")),
        round_("vote-3", "3차 투표", "3rd vote", at("2023-03-24", "00:00"), at("2023-04-06", "23:59"),
               both_groups(6, 1), survivors("ranking-2")),
        round_("final-online", "생방송 사전 투표", "Finale pre-vote", at("2023-04-14", "00:00"),
               at("2023-04-20", "20:00"), ballot(1), survivors("ranking-3")),
        round_("final-live", "생방송 실시간 투표", "Live vote", at("2023-04-20", "20:00"), at("2023-04-20", "22:30"),
               ballot(1, period="round"), survivors("ranking-3")),
    ]
    announcements = [
        announcement("ranking-1", "1차 순위 발표식", "1st elimination", at("2023-03-02", "23:00"), shares("vote-1"), cut=52),
        announcement("ranking-2", "2차 순위 발표식", "2nd elimination", at("2023-03-23", "23:00"), shares("vote-2"),
                     cut=28, pool=survivors("ranking-1")),
        announcement("ranking-3", "3차 순위 발표식", "3rd elimination", at("2023-04-13", "23:00"), shares("vote-3"),
                     cut=18, pool=survivors("ranking-2")),
        announcement("finale", "최종 데뷔 멤버 발표", "Finale: the debut line-up", at("2023-04-20", "23:30"),
                     shares("final-online") + [
                         votes("live-korea", ["final-live"], segment="korea", weight=0.5, conversion="share", scale=100),
                         votes("live-global", ["final-live"], segment="global", weight=0.5, conversion="share", scale=100)],
                     cut=9, pool=survivors("ranking-3"), finale=True),
    ]
    return {
        "schemaVersion": 1, "id": "boys-planet", "name": t("보이즈 플래닛", "Boys Planet"), "timeZone": "Asia/Seoul",
        "groups": [{"id": "k", "name": t("K 그룹", "K group")}, {"id": "g", "name": t("G 그룹", "G group")}],
        "segments": [{"id": "korea", "name": t("한국", "Korea")}, {"id": "global", "name": t("글로벌", "Global")}],
        "trainees": trainees, "rounds": rounds, "announcements": announcements,
    }


# ---------------------------------------------------------------- American Idol (ABC)

def american_idol():
    contestants = [
        ("Avery Brooks", "US"), ("Jordan Ellis", "US"), ("Maya Castillo", "US"), ("Tyler Grant", "US"),
        ("Kayla Monroe", "US"), ("Elijah Reed", "US"), ("Sofia Alvarez", "US"), ("Marcus Hale", "US"),
        ("Lily Chen", "US"), ("Noah Whitfield", "US"),
    ]
    trainees = [trainee(f"c{i:02d}", name, name, english=name, agency=None, nationality=nationality,
                        positions=["vocal"]) for i, (name, nationality) in enumerate(contestants, start=1)]
    channels = [{"id": "web"}, {"id": "app"}, {"id": "sms"}]

    def week_ballot():
        # Up to 10 votes per contestant per method in a voting window, spread over as many ballots as the fan
        # likes (10 ballots of up to 10 votes cover all 10 contestants); the per-contestant cap is what binds.
        return ballot(10, distinct=False, ballotsPerPeriod=10, period="round", maxVotesPerTrainee=10, channels=channels)

    weeks = [("top-10", "Top 10", "2024-04-28", 8, None), ("top-8", "Top 8", "2024-05-05", 5, "top-10"),
             ("top-5", "Top 5", "2024-05-12", 3, "top-8"), ("finale", "Finale", "2024-05-19", 1, "top-5")]
    rounds, announcements = [], []
    for id_, name, date, cut, previous in weeks:
        eligible = survivors(f"{previous}-results") if previous else None
        rounds.append(round_(id_, name, f"{name} vote", at(date, "20:00", "-04:00"), at(date, "23:00", "-04:00"),
                             week_ballot(), eligible))
        announcements.append(announcement(
            f"{id_}-results", f"{name} results", f"{name} results", at(date, "23:00", "-04:00"),
            [votes("votes", [id_])], cut=cut, pool=eligible, finale=previous == "top-5"))
    return {
        "schemaVersion": 1, "id": "american-idol", "name": t("아메리칸 아이돌", "American Idol"),
        "timeZone": "America/New_York", "trainees": trainees, "rounds": rounds, "announcements": announcements,
    }


# ---------------------------------------------------------------- Eurovision Song Contest (EBU), 2023 final

ESC_2023_FINAL = [
    # Running order of the 2023 grand final (Liverpool, 13 May 2023): code, country, artist, song.
    ("at", "Austria", "Teya & Salena", "Who the Hell Is Edgar?"), ("pt", "Portugal", "Mimicat", "Ai coração"),
    ("ch", "Switzerland", "Remo Forrer", "Watergun"), ("pl", "Poland", "Blanka", "Solo"),
    ("rs", "Serbia", "Luke Black", "Samo mi se spava"), ("fr", "France", "La Zarra", "Évidemment"),
    ("cy", "Cyprus", "Andrew Lambrou", "Break a Broken Heart"), ("es", "Spain", "Blanca Paloma", "Eaea"),
    ("se", "Sweden", "Loreen", "Tattoo"), ("al", "Albania", "Albina & Familja Kelmendi", "Duje"),
    ("it", "Italy", "Marco Mengoni", "Due vite"), ("ee", "Estonia", "Alika", "Bridges"),
    ("fi", "Finland", "Käärijä", "Cha Cha Cha"), ("cz", "Czechia", "Vesna", "My Sister's Crown"),
    ("au", "Australia", "Voyager", "Promise"), ("be", "Belgium", "Gustaph", "Because of You"),
    ("am", "Armenia", "Brunette", "Future Lover"), ("md", "Moldova", "Pasha Parfeni", "Soarele și luna"),
    ("ua", "Ukraine", "Tvorchi", "Heart of Steel"), ("no", "Norway", "Alessandra", "Queen of Kings"),
    ("de", "Germany", "Lord of the Lost", "Blood & Glitter"), ("lt", "Lithuania", "Monika Linkytė", "Stay"),
    ("il", "Israel", "Noa Kirel", "Unicorn"), ("si", "Slovenia", "Joker Out", "Carpe Diem"),
    ("hr", "Croatia", "Let 3", "Mama ŠČ!"), ("gb", "United Kingdom", "Mae Muller", "I Wrote a Song"),
]
ESC_2023_VOTERS = {
    "al": "Albania", "am": "Armenia", "au": "Australia", "at": "Austria", "az": "Azerbaijan", "be": "Belgium",
    "hr": "Croatia", "cy": "Cyprus", "cz": "Czechia", "dk": "Denmark", "ee": "Estonia", "fi": "Finland",
    "fr": "France", "ge": "Georgia", "de": "Germany", "gr": "Greece", "is": "Iceland", "ie": "Ireland",
    "il": "Israel", "it": "Italy", "lv": "Latvia", "lt": "Lithuania", "mt": "Malta", "md": "Moldova",
    "nl": "Netherlands", "no": "Norway", "pl": "Poland", "pt": "Portugal", "ro": "Romania", "sm": "San Marino",
    "rs": "Serbia", "si": "Slovenia", "es": "Spain", "se": "Sweden", "ch": "Switzerland", "ua": "Ukraine",
    "gb": "United Kingdom",
}


def eurovision():
    trainees = [trainee(code, artist, artist, english=f"{country}: {artist} – “{song}”", nationality=code.upper(),
                        home=code) for code, country, artist, song in ESC_2023_FINAL]
    segments = [{"id": code, "name": t(country, country)} for code, country in ESC_2023_VOTERS.items()]
    segments.append({"id": "row", "name": t("그 밖의 세계", "Rest of the world")})
    points = [12, 10, 8, 7, 6, 5, 4, 3, 2, 1]
    rounds = [round_("televote", "시청자 투표", "Televote", at("2023-05-13", "22:10", "+01:00"),
                     at("2023-05-13", "22:50", "+01:00"),
                     ballot(1, distinct=False, ballotsPerPeriod=20, period="round", excludeOwnSegment=True,
                            channels=[{"id": "phone"}, {"id": "sms"}, {"id": "app"}, {"id": "web"}]))]
    evaluations = [{"id": "jury", "name": t("국가별 심사위원단", "National juries"), "kind": "points"}]
    announcements = [announcement(
        "final", "결승 결과", "Grand final scoreboard", at("2023-05-13", "23:55", "+01:00"),
        [benefits("jury", ["jury"]),
         {"label": "televote", "kind": "segmentPoints", "rounds": ["televote"], "points": points}],
        cut=1, tie_break=[{"kind": "source", "ref": "televote"}], finale=True)]
    return {
        "schemaVersion": 1, "id": "eurovision", "name": t("유로비전 송 콘테스트", "Eurovision Song Contest"),
        "timeZone": "Europe/London", "segments": segments, "trainees": trainees, "rounds": rounds,
        "evaluations": evaluations, "announcements": announcements,
    }


PRESETS = {
    "produce-101-s2": produce_101_s2, "produce-x-101": produce_x_101, "boys-planet": boys_planet,
    "american-idol": american_idol, "eurovision": eurovision,
}

if __name__ == "__main__":
    for name, build in PRESETS.items():
        path = ROOT / "presets" / f"{name}.json"
        path.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
