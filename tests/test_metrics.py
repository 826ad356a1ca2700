"""The metric extractor, case by case: each numeral form, each qualifier, each exclusion.

Sentences are written in the style of district news; each test says what it catches.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import govmetrics


def metrics(text: str) -> list[tuple[str, object, object, str, str | None]]:
    result = govmetrics.extract(text)
    for m in result.metrics:
        assert result.article.text[m.span.start : m.span.end] == m.text
    return [(m.text, m.value, m.high, m.unit, m.approx) for m in result.metrics]


FORMS = [
    # Arabic numerals, separators, decimals, full width
    ("全区共有居民21222户。", [("21222户", 21222, None, "户", None)]),
    ("兑换商品价值52,000元。", [("52,000元", 52000, None, "元", None)]),
    ("办结率达97.6%。", [("97.6%", Decimal("97.6"), None, "%", None)]),
    ("施划车位２４６个。", [("２４６个", 246, None, "个", None)]),
    ("收入４，５６５元。", [("４，５６５元", 4565, None, "元", None)]),
    ("增长１６．４％。", [("１６．４％", Decimal("16.4"), None, "%", None)]),
    # magnitudes applied, unit without the magnitude
    ("建筑面积697万平方米。", [("697万平方米", 6970000, None, "平方米", None)]),
    ("总投资1.25亿元。", [("1.25亿元", 125000000, None, "元", None)]),
    ("投入4000多万元。", [("4000多万元", 40000000, None, "元", "more_than")]),
    # Chinese numerals
    ("覆盖二十一个社区。", [("二十一个", 21, None, "个", None)]),
    ("累计服务两千三百余次。", [("两千三百余次", 2300, None, "次", "more_than")]),
    ("受理诉求一万二千件。", [("一万二千件", 12000, None, "件", None)]),
    ("共有两名网格员。", [("两名", 2, None, "名", None)]),
    ("参与率达到百分之八十五。", [("百分之八十五", 85, None, "%", None)]),
    ("占比百分之二十一点五。", [("百分之二十一点五", Decimal("21.5"), None, "%", None)]),
    ("完成率为百分之百。", [("百分之百", 100, None, "%", None)]),
    ("下降三点二个百分点。", [("三点二个百分点", Decimal("3.2"), None, "百分点", None)]),
    # ranges
    ("每户补贴12至15元。", [("12至15元", 12, 15, "元", None)]),
    ("每组20-30人。", [("20-30人", 20, 30, "人", None)]),
    ("活动持续1~2小时。", [("1~2小时", 1, 2, "小时", None)]),
    ("收费0.3至0.5元。", [("0.3至0.5元", Decimal("0.3"), Decimal("0.5"), "元", None)]),
    ("每天接待三四百人。", [("三四百人", 300, 400, "人", None)]),
    ("室温保持在十四五度。", [("十四五度", 14, 15, "度", None)]),
    ("配备三到五名志愿者。", [("三到五名", 3, 5, "名", None)]),
    # qualifiers
    ("累计走访2万余户。", [("2万余户", 20000, None, "户", "more_than")]),
    ("组建十余个小组。", [("十余个", 10, None, "个", "more_than")]),
    ("惠及万余人。", [("万余人", 10000, None, "人", "more_than")]),
    ("发放近200组。", [("近200组", 200, None, "组", "about")]),
    ("投资约41.5万平方米。", [("约41.5万平方米", 415000, None, "平方米", "about")]),
    ("覆盖率60%以上。", [("60%以上", 60, None, "%", "at_least")]),
    ("回收超过400份。", [("超过400份", 400, None, "份", "more_than")]),
    ("日均不到400元。", [("不到400元", 400, None, "元", "less_than")]),
    ("送餐80份左右。", [("80份左右", 80, None, "份", "about")]),
    ("入住率约为65%。", [("约为65%", 65, None, "%", "about")]),
    ("现场约有300人。", [("约有300人", 300, None, "人", "about")]),
    ("满意度95%上下。", [("95%上下", 95, None, "%", "about")]),
    ("每人不少于600张。", [("不少于600张", 600, None, "张", "at_least")]),
    ("奖励不超过20万元。", [("不超过20万元", 200000, None, "元", "at_most")]),
    ("每个网格至少配备1名。", [("至少配备1名", 1, None, "名", "at_least")]),
    ("最多可获得30积分。", [("最多可获得30积分", 30, None, "积分", "at_most")]),
    ("80岁及以上老人。", [("80岁及以上", 80, None, "岁", "at_least")]),
    ("控制在4%以内。", [("4%以内", 4, None, "%", "at_most")]),
    ("3岁以下儿童。", [("3岁以下", 3, None, "岁", "at_most")]),
    ("逾500万小时。", [("逾500万小时", 5000000, None, "小时", "more_than")]),
    ("值守1个半小时左右。", [("1个半小时左右", Decimal("1.5"), None, "小时", "about")]),
    ("新增100个多停车位。", [("100个多", 100, None, "个", "more_than")]),
    # units
    ("平均办理时间4.6天。", [("4.6天", Decimal("4.6"), None, "天", None)]),
    ("提高4.2个百分点。", [("4.2个百分点", Decimal("4.2"), None, "百分点", None)]),
    ("面积800㎡。", [("800㎡", 800, None, "平方米", None)]),
    ("积分满100分。", [("100分", 100, None, "分", None)]),
    ("受理来信来访236件次。", [("236件次", 236, None, "件次", None)]),
    ("检查企业120家次。", [("120家次", 120, None, "家次", None)]),
    ("抽检食品350批次。", [("350批次", 350, None, "批次", None)]),
    ("本届3次获评先进。", [("3次", 3, None, "次", None)]),
    # 两 after a digit starts a count of its own: the items just listed
    ("除上述一、二两项外，均按实际损失赔偿。", [("两项", 2, None, "项", None)]),
    ("新建住房一万两千套。", [("一万两千套", 12000, None, "套", None)]),
    ("每周安排一两个人值守。", [("一两个", 1, 2, "个", None)]),
    ("项目总投资约合人民币3000万元。", [("约合人民币3000万元", 30000000, None, "元", "about")]),
    # 约占 and 约为 may stand before what the share or multiple is of
    ("约占全县贫困户总数的30%。", [("约占全县贫困户总数的30%", 30, None, "%", "about")]),
    ("节约为企业减负的30万元。", [("30万元", 300000, None, "元", None)]),
    ("全区累计接种新冠疫苗47.8万剂次。", [("47.8万剂次", 478000, None, "剂次", None)]),
    ("方案提出，用3至5年时间完成改造。", [("3至5年", 3, 5, "年", None)]),
    ("经过两个多小时讨论。", [("两个多小时", 2, None, "小时", "more_than")]),
    ("夜间噪声不超过60分贝。", [("不超过60分贝", 60, None, "分贝", "at_most")]),
    # a unit per another is one unit
    ("PM2.5平均浓度为58微克/立方米。", [("58微克/立方米", 58, None, "微克/立方米", None)]),
    ("房价2万元/㎡左右。", [("2万元/㎡左右", 20000, None, "元/平方米", "about")]),
    ("用了三两天时间。", [("三两天", 2, 3, "天", None)]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t for t, _ in FORMS])
def test_numeral_forms_become_exact_metrics(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


def test_values_are_int_or_decimal_never_float() -> None:
    for text, _ in FORMS:
        for m in govmetrics.extract(text).metrics:
            assert type(m.value) in (int, Decimal), text
            assert m.high is None or type(m.high) in (int, Decimal), text


NOT_METRICS = [
    # dates and times
    ("7月11日，石景山区召开会议。", "a date"),
    ("2018年，全区完成整治。", "a year"),
    ("2019年上半年禁毒工作情况。", "a half year"),
    ("会议于上午9时30分开始。", "a clock time"),
    # ordinals and ranks
    ("区第十六届人大常委会第二十一次会议。", "ordinals with 第"),
    ("综合考评位列前三，获评第3名。", "ranks"),
    # enumerators
    ("一是加强领导，二是完善制度，三是强化督查。", "enumerators"),
    # set phrases and names
    ("开展“一老一小”服务，落实三清零一创建。", "set phrases"),
    ("区四套班子主要领导参加。", "四套班子"),
    ("按照“四有”标准提高服务水平。", "a quoted name"),
    ("打通服务群众最后一公里。", "最后一公里"),
    ("“十四五”以来，养老服务体系加快构建。", "十四五"),
    ("走进千家万户。", "千家万户"),
    ("全县上下胸怀国内国际两个大局，坚定“四个自信”。", "两个大局, unquoted, after a quoted phrase"),
    ("调动县乡两个积极性。", "两个积极性"),
    ("更好利用国内国际两个市场、两种资源。", "two markets, two resources"),
    # grades and levels, addresses and codes
    ("宫大爷二级残疾，入住三甲医院。", "grades"),
    ("5A级景区启动一级响应。", "levels"),
    ("家住甲7号院3号楼。", "an address"),
    ("PM2.5浓度下降，拨打12345热线。", "codes"),
    ("家住三间房社区。", "a place named with a numeral"),
    # cadences
    ("每月至少开展1~2次跟踪重访。", "times under a 每-period"),
    ("每天早晚两次巡查。", "times under 每天"),
    ("实行一年两次评定。", "times under 一年"),
    # 一 as an article or adverb; other one-character words
    ("组成一个个的小团组，一起深入居民家中，进一步落实。", "一 as an article"),
    ("扩大关键零部件进口。", "零 in a word"),
    ("接种二类疫苗。", "二 as a category"),
    ("节约为企业减负。", "节约 is no qualifier, nor 节约为"),
    ("居民十分认可，万分感谢。", "十分 and 万分 as adverbs"),
    # rates and bare magnitudes
    ("每千名老年人拥有养老床位。", "a rate's denominator"),
    ("百家争鸣，万人空巷。", "bare magnitudes in idioms"),
    ("该楼建于上世纪80年代，实施三年行动计划。", "a decade, and a programme's name"),
    ("发挥政府投资“四两拨千斤”的作用。", "四两 is a weight in an idiom, not 42"),
    ("堵住漏洞，治理溶洞垃圾。", "洞 is no digit"),
    # sessions numbered after their term, without 第
    ("区政协十四届五次会议开幕。", "a session of a term"),
    ("市委十二届三次全会召开。", "a plenary session of a term"),
    ("按照省委十一届十次、十一次全会部署。", "sessions listed after a term"),
    ("区十六届人大七次会议于1月17日召开。", "a session of a people's congress term"),
]


@pytest.mark.parametrize(("text", "why"), NOT_METRICS, ids=[w for _, w in NOT_METRICS])
def test_exclusions_are_not_metrics(text: str, why: str) -> None:
    assert metrics(text) == [], why


def test_counts_beside_exclusions_are_still_found() -> None:
    text = "2018年，28个老旧小区建立了长效机制，其中11个小区推行准物业管理。"
    assert metrics(text) == [("28个", 28, None, "个", None), ("11个", 11, None, "个", None)]


def test_metric_split_across_pdf_lines_is_joined() -> None:
    text = "将辖区划分为5\n6 个基础网格，配备专兼职网格\n员230名。"
    assert metrics(text) == [("56个", 56, None, "个", None), ("230名", 230, None, "名", None)]


def test_metrics_come_out_in_text_order_with_plugin_stamp() -> None:
    result = govmetrics.extract("走访2万余户，搜集社情民意2000余件。")
    assert [m.text for m in result.metrics] == ["2万余户", "2000余件"]
    assert {m.plugin for m in result.metrics} == {"metrics"}
    assert [r.span.start for r in result.records] == sorted(r.span.start for r in result.records)


def test_lexicon_entries_from_a_plugin_extend_units() -> None:
    class AddsUnit:
        @govmetrics.hookimpl
        def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
            return ["垄  垄"] if name == "units" else None

    from govmetrics.plugins import get_plugin_host

    get_plugin_host().register(AddsUnit(), "adds-unit")
    assert metrics("新修12垄。") == [("12垄", 12, None, "垄", None)]


def test_a_plugin_adds_a_currency_between_qualifier_and_amount() -> None:
    class AddsCurrency:
        @govmetrics.hookimpl
        def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
            return ["卢布"] if name == "currencies" else None

    from govmetrics.plugins import get_plugin_host

    assert metrics("约合卢布300万元。") == [("300万元", 3000000, None, "元", None)]
    get_plugin_host().register(AddsCurrency(), "adds-currency")
    assert metrics("约合卢布300万元。") == [("约合卢布300万元", 3000000, None, "元", "about")]


def test_a_qualified_count_before_a_place_word_is_no_place_name() -> None:
    """三间房社区 is a place named with a numeral; 二十余条背街小巷 counts streets (no place name has 余)."""
    assert metrics("完成二十余条背街小巷整治。") == [("二十余条", 20, None, "条", "more_than")]


def test_a_count_after_a_date_ending_in_qian_is_no_rank() -> None:
    """前三位 ranks; in 6月底前80岁以上老人 the 前 ends the date before the count."""
    assert metrics("6月底前80岁以上老人接种率再提高5个百分点。") == [
        ("80岁以上", 80, None, "岁", "at_least"),
        ("5个百分点", 5, None, "百分点", None),
    ]


# 以上, 以下 and 以内 include the number (Civil Code art. 1259); 超过 and 不满 do not.
INCLUSIVE_BOUNDS = [
    ("全镇65%以上的农户参加合作社。", [("65%以上", 65, None, "%", "at_least")]),
    ("6岁以下儿童免费乘车。", [("6岁以下", 6, None, "岁", "at_most")]),
    ("单次采购3万元以下的，可以直接采购。", [("3万元以下", 30000, None, "元", "at_most")]),
    ("60岁及以上老人优先办理。", [("60岁及以上", 60, None, "岁", "at_least")]),
    ("误差控制在2%以内。", [("2%以内", 2, None, "%", "at_most")]),
    ("参训人员超过300人。", [("超过300人", 300, None, "人", "more_than")]),
    ("工作年限不满5年的，按比例计发。", [("不满5年", 5, None, "年", "less_than")]),
]


@pytest.mark.parametrize(("text", "expected"), INCLUSIVE_BOUNDS, ids=[t for t, _ in INCLUSIVE_BOUNDS])
def test_yishang_yixia_yinei_include_the_number(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


NEGATED_BOUNDS = [
    ("村委会成员连任不得超过两届，每届不得超过5年。", [("不得超过5年", 5, None, "年", "at_most")]),
    ("现场核查人员不得少于3人。", [("不得少于3人", 3, None, "人", "at_least")]),
    ("自筹资金比例不得低于25%。", [("不得低于25%", 25, None, "%", "at_least")]),
    ("单笔贷款不高于50万元。", [("不高于50万元", 500000, None, "元", "at_most")]),
    ("货车限高不大于4.5米。", [("不大于4.5米", Decimal("4.5"), None, "米", "at_most")]),
    ("桥梁净宽不小于12米。", [("不小于12米", 12, None, "米", "at_least")]),
    ("全年游客量突破80万人次。", [("突破80万人次", 800000, None, "人次", "more_than")]),
    ("补助标准最高为每户八千元。", [("八千元", 8000, None, "元", "at_most")]),
    ("奖励最高可达50万元。", [("最高可达50万元", 500000, None, "元", "at_most")]),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED_BOUNDS, ids=[t for t, _ in NEGATED_BOUNDS])
def test_negated_bounds_read_as_their_meaning(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


PEAKS_AND_CAPS = [
    # a peak reached, reported: a level
    ("汛期热线最高单日达到316件。", [("316件", 316, None, "件", None)]),
    ("景区日接待量最高达4.2万人次。", [("4.2万人次", 42000, None, "人次", None)]),
    ("高峰时段车流最多时达到1800辆。", [("1800辆", 1800, None, "辆", None)]),
    ("客流最高达到3万人次以上。", [("3万人次以上", 30000, None, "人次", "at_least")]),
    # a cap a rule or plan sets: a bound
    ("每户补贴最高不超过2万元。", [("最高不超过2万元", 20000, None, "元", "at_most")]),
    ("对新认定企业最高奖励30万元。", [("最高奖励30万元", 300000, None, "元", "at_most")]),
    ("单个项目补助最高可达80万元。", [("最高可达80万元", 800000, None, "元", "at_most")]),
]


@pytest.mark.parametrize(("text", "expected"), PEAKS_AND_CAPS, ids=[t for t, _ in PEAKS_AND_CAPS])
def test_zuigao_before_da_reports_a_peak_and_bounds_nothing(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


BARE_MAGNITUDES_BOUNDED = [
    ("今年签约亿元以上项目23个。", [("亿元以上", 100000000, None, "元", "at_least"), ("23个", 23, None, "个", None)]),
    ("培育千万元以上企业。", [("千万元以上", 10000000, None, "元", "at_least")]),
    ("对万元以下的小额采购简化流程。", [("万元以下", 10000, None, "元", "at_most")]),
    ("全镇超亿元企业达到5家。", [("超亿元", 100000000, None, "元", "more_than"), ("5家", 5, None, "家", None)]),
    ("年产值过亿元的企业。", [("过亿元", 100000000, None, "元", "more_than")]),
    ("参观人数过万人。", [("过万人", 10000, None, "人", "more_than")]),
]


@pytest.mark.parametrize(("text", "expected"), BARE_MAGNITUDES_BOUNDED, ids=[t for t, _ in BARE_MAGNITUDES_BOUNDED])
def test_a_bare_magnitude_with_a_bound_is_an_amount(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


# A rate's denominator may carry its magnitude: it is part of the unit, and a bound after it bounds the rate.
RATE_DENOMINATORS_WITH_MAGNITUDE = [
    ("事故死亡率控制在0.3人/百亿元以下。", [("0.3人/百亿元以下", Decimal("0.3"), None, "人/百亿元", "at_most")]),
    ("每年新增病床4张/万人。", [("4张/万人", 4, None, "张/万人", None)]),
    ("收购价提高到135元/百斤。", [("135元/百斤", 135, None, "元/百斤", None)]),
]


@pytest.mark.parametrize(
    ("text", "expected"), RATE_DENOMINATORS_WITH_MAGNITUDE, ids=[t for t, _ in RATE_DENOMINATORS_WITH_MAGNITUDE]
)
def test_a_magnitude_after_a_slash_belongs_to_the_rates_unit(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


# 满 before a length of time or an age is the threshold reached, the number included.
FULL_THRESHOLDS = [
    ("连续工龄满八年的，增发补贴。", [("满八年", 8, None, "年", "at_least")]),
    ("男职工已满六十周岁的，办理退休。", [("满六十周岁", 60, None, "周岁", "at_least")]),
    ("服役满12年的士官，可以申请。", [("满12年", 12, None, "年", "at_least")]),
    ("试用满3个月的，可以转正。", [("满3个月", 3, None, "月", "at_least")]),
    # 未满, like 不满, is its strict complement
    ("注销登记未满2年的，不得再次申请。", [("未满2年", 2, None, "年", "less_than")]),
    ("工作满5年不满10年的，享受年休假5天。", [("满5年不满10年", 5, 10, "年", None), ("5天", 5, None, "天", None)]),
    # the same bound written twice, joined by 和 or 或, is one bound
    ("缴费年限满十五年和十五年以上的，按月领取。", [("满十五年和十五年以上", 15, None, "年", "at_least")]),
]
# The number or more, written as the number alone, 或(者)/和, then the number with 以上: one lower bound.
NUMBER_OR_MORE = [
    ("现场检查由３名或者３名以上监督人员进行。", [("３名或者３名以上", 3, None, "名", "at_least")]),
    ("每组配备2人或2人以上。", [("2人或2人以上", 2, None, "人", "at_least")]),
    ("连续出现两次和两次以上的，予以通报。", [("两次和两次以上", 2, None, "次", "at_least")]),
    # two different numbers are two amounts
    ("配备1名或者3名以上联络员。", [("1名", 1, None, "名", None), ("3名以上", 3, None, "名", "at_least")]),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_OR_MORE, ids=[t for t, _ in NUMBER_OR_MORE])
def test_the_number_or_the_number_and_more_is_one_lower_bound(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


FULL_NOT_A_BOUND = [
    ("积分满100分。", [("100分", 100, None, "分", None)]),
    # a threshold reached as a moment: the time from which something holds, no bound
    ("老人年满80岁后可申领高龄津贴。", [("80岁", 80, None, "岁", None)]),
    ("工作满一年时，双方可以续签。", [("一年", 1, None, "年", None)]),
    ("自公告之日起满三十日，视为送达。", [("三十日", 30, None, "日", None)]),
    ("公示期届满10日无异议的，予以登记。", [("10日", 10, None, "日", None)]),
    ("群众满意度达到98%。", [("98%", 98, None, "%", None)]),
    ("圆满完成3项任务。", [("3项", 3, None, "项", None)]),
]


@pytest.mark.parametrize(("text", "expected"), FULL_THRESHOLDS, ids=[t for t, _ in FULL_THRESHOLDS])
def test_full_before_a_length_of_time_or_an_age_is_at_least(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


@pytest.mark.parametrize(("text", "expected"), FULL_NOT_A_BOUND, ids=[t for t, _ in FULL_NOT_A_BOUND])
def test_full_in_a_word_or_a_period_running_out_is_no_bound(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


# A bound on a share of something, written before what it is of (the 约占…的30% form).
BOUNDS_ON_A_SHARE = [
    ("补贴不得低于当地最低工资标准的60%。", [("不得低于当地最低工资标准的60%", 60, None, "%", "at_least")]),
    ("管理费不超过项目总投资的2%。", [("不超过项目总投资的2%", 2, None, "%", "at_most")]),
    ("自筹资金不少于总投资的30%。", [("不少于总投资的30%", 30, None, "%", "at_least")]),
    ("缴存比例不得低于职工上一年度月工资的8%。", [("不得低于职工上一年度月工资的8%", 8, None, "%", "at_least")]),
    # what it is of may be a long 的-phrase, itself holding 的
    (
        "夜班津贴按不低于聘用合同约定的职工本人日工资基数的120%发放。",
        [("不低于聘用合同约定的职工本人日工资基数的120%", 120, None, "%", "at_least")],
    ),
]
# The bound stays inside its clause: after a comma, 的 and a share start a new statement.
SHARE_BOUND_ENDS_AT_THE_CLAUSE = [
    ("投入不低于去年，占全市总投入的40%。", [("40%", 40, None, "%", None)]),
    ("增幅不低于全省平均水平；农民收入占全市的35%。", [("35%", 35, None, "%", None)]),
]
# A bound written once before a list of numbers bounds each of them.
BOUND_BEFORE_A_LIST = [
    (
        "分别按不低于本人计时工资单价的160%、210%、310%结算。",
        [
            ("不低于本人计时工资单价的160%", 160, None, "%", "at_least"),
            ("210%", 210, None, "%", "at_least"),
            ("310%", 310, None, "%", "at_least"),
        ],
    ),
    (
        "存款和贷款余额分别突破6万亿元、7万亿元。",
        [("突破6万亿元", 6000000000000, None, "元", "more_than"), ("7万亿元", 7000000000000, None, "元", "more_than")],
    ),
    (
        "覆盖率分别超过96%和91%。",
        [("超过96%", 96, None, "%", "more_than"), ("91%", 91, None, "%", "more_than")],
    ),
    # a number after the list's end, or on another unit, is a plain amount
    ("至少3名委员、5个部门参加。", [("至少3名", 3, None, "名", "at_least"), ("5个", 5, None, "个", None)]),
    ("增长超过8%，其中农业增长5%。", [("超过8%", 8, None, "%", "more_than"), ("5%", 5, None, "%", None)]),
]


@pytest.mark.parametrize(("text", "expected"), BOUNDS_ON_A_SHARE, ids=[t for t, _ in BOUNDS_ON_A_SHARE])
def test_a_bound_before_what_a_share_is_of_bounds_the_share(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), SHARE_BOUND_ENDS_AT_THE_CLAUSE, ids=[t for t, _ in SHARE_BOUND_ENDS_AT_THE_CLAUSE]
)
def test_a_bound_on_a_share_ends_at_its_clause(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


@pytest.mark.parametrize(("text", "expected"), BOUND_BEFORE_A_LIST, ids=[t for t, _ in BOUND_BEFORE_A_LIST])
def test_a_bound_before_a_list_bounds_each_listed_number(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


def test_one_after_percent_is_a_share_not_an_article() -> None:
    assert metrics("逾期按日加收欠款百分之一的违约金。") == [("百分之一", 1, None, "%", None)]
    assert metrics("按千分之一计提。") == [("千分之一", 1, None, "‰", None)]
    assert metrics("完成率达到百分之一百。") == [("百分之一百", 100, None, "%", None)]


def test_a_rounding_after_the_number_wins_over_a_comparison_before_it() -> None:
    assert metrics("物价涨幅低于4%左右的调控目标。") == [("低于4%左右", 4, None, "%", "about")]
    assert metrics("增速高于6%上下的预期。") == [("高于6%上下", 6, None, "%", "about")]


def test_a_class_of_a_scheme_the_text_names_other_classes_of_is_a_grade() -> None:
    text = "一类、二类危险化学品仓库由省级部门审批。经营三类危险化学品的企业，报县级部门备案。"
    assert metrics(text) == []
    assert metrics("第四类特种设备和二类特种设备分开存放。") == []


def test_kinds_counted_stay_counts_beside_other_classes() -> None:
    # the same number written twice, or a longer number ending in another class's digit
    assert metrics("排查出4类隐患，重点整改四类隐患。") == [("4类", 4, None, "类", None), ("四类", 4, None, "类", None)]
    assert metrics("将哮喘等6类慢病和肝炎等16类慢病纳入报销。") == [
        ("6类", 6, None, "类", None),
        ("16类", 16, None, "类", None),
    ]
    assert metrics("口岸分为两类：一类口岸和二类口岸。") == [("两类", 2, None, "类", None)]


def test_a_qualifier_after_a_list_after_fenbie_qualifies_each_number() -> None:
    assert metrics("城乡居民收入分别增长5.5%、6%左右。") == [
        ("5.5%", Decimal("5.5"), None, "%", "about"),
        ("6%左右", 6, None, "%", "about"),
    ]
    assert metrics("粮食和蔬菜产量分别稳定在120万吨和340万吨以上。") == [
        ("120万吨", 1200000, None, "吨", "at_least"),
        ("340万吨以上", 3400000, None, "吨", "at_least"),
    ]


def test_a_qualifier_after_a_list_without_fenbie_is_the_last_numbers_own() -> None:
    assert metrics("收入增长5.5%、支出增长6%左右。") == [
        ("5.5%", Decimal("5.5"), None, "%", None),
        ("6%左右", 6, None, "%", "about"),
    ]
    assert metrics("投资增长7%、8%左右。") == [("7%", 7, None, "%", None), ("8%左右", 8, None, "%", "about")]


def test_numbers_listed_after_fenbie_share_the_unit_written_once() -> None:
    assert metrics("满意率和办结率较上月分别提高0.8和1.5个百分点。") == [
        ("0.8", Decimal("0.8"), None, "百分点", None),
        ("1.5个百分点", Decimal("1.5"), None, "百分点", None),
    ]
    assert metrics("东区、西区和南区产值分别为2.4、3.6和4.8亿元。") == [
        ("2.4", 240000000, None, "元", None),
        ("3.6", 360000000, None, "元", None),
        ("4.8亿元", 480000000, None, "元", None),
    ]


def test_numbers_listed_after_fenbie_and_a_comparison_share_the_unit() -> None:
    # the comparison (比去年同期) stands between 分别 and the verb; traditional text reads the same
    assert metrics("辦結率和滿意率分別比去年同期提高1.7和3.2個百分點。") == [
        ("1.7", Decimal("1.7"), None, "百分点", None),
        ("3.2個百分點", Decimal("3.2"), None, "百分点", None),
    ]


def test_numbers_listed_without_fenbie_stay_unitless() -> None:
    assert metrics("改造3和5号楼，新增车位20个。") == [("20个", 20, None, "个", None)]


def test_one_after_its_noun_closing_the_phrase_is_a_count() -> None:
    assert metrics("委员会设主任一人、副主任二至三人。") == [
        ("一人", 1, None, "人", None),
        ("二至三人", 2, 3, "人", None),
    ]
    assert metrics("每所学校配备心理教师一名；") == [("一名", 1, None, "名", None)]


@pytest.mark.parametrize(
    "text", ["推行一人一档管理。", "其中一人，负责联络。", "材料须由同一人签字。", "派一名干部驻村。"]
)
def test_one_as_an_article_or_picking_one_out_is_no_count(text: str) -> None:
    assert metrics(text) == []


def test_a_traditional_bare_magnitude_with_a_bound_is_an_amount() -> None:
    assert metrics("全縣引進億元以上項目12個。") == [
        ("億元以上", 100000000, None, "元", "at_least"),
        ("12個", 12, None, "个", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "亿万人民同心协力。",
        "万众一心抗洪灾。",
        "千万不要轻信陌生来电。",
        "建设百亿元级产业集群。",
        "度过三年困难时期。",
    ],
)
def test_bare_magnitudes_in_set_phrases_and_guo_as_a_verb_are_no_amounts(text: str) -> None:
    assert metrics(text) == []


PAIRED_BOUNDS = [
    ("对责任单位处3万元以上15万元以下的罚款。", [("3万元以上15万元以下", 30000, 150000, "元", None)]),
    ("涉案金额2万元以上不满8万元的，从轻处理。", [("2万元以上不满8万元", 20000, 80000, "元", None)]),
    ("绿地率不低于35%不高于45%。", [("不低于35%不高于45%", 35, 45, "%", None)]),
    ("擅自移栽古树的，每棵处5万元以上30万元以下罚款。", [("5万元以上30万元以下", 50000, 300000, "元", None)]),
    ("处违法所得2倍以上5倍以下的罚款。", [("2倍以上5倍以下", 2, 5, "倍", None)]),
    ("处3日以上10日以下拘留。", [("3日以上10日以下", 3, 10, "日", None)]),
]


@pytest.mark.parametrize(("text", "expected"), PAIRED_BOUNDS, ids=[t for t, _ in PAIRED_BOUNDS])
def test_a_pair_of_bounds_on_one_quantity_is_one_range(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


def test_bounds_on_different_units_or_out_of_order_stay_apart() -> None:
    """Two bounds make one range only on the same unit, low before high."""
    assert metrics("投资5000万元以上、用工50人以下的企业。") == [
        ("5000万元以上", 50000000, None, "元", "at_least"),
        ("50人以下", 50, None, "人", "at_most"),
    ]
    assert metrics("单价10元以下，总价2元以上。") == [
        ("10元以下", 10, None, "元", "at_most"),
        ("2元以上", 2, None, "元", "at_least"),
    ]


DURATIONS = [
    ("审批期限可以延长两年。", [("两年", 2, None, "年", None)]),
    ("试点期满后顺延一年。", [("一年", 1, None, "年", None)]),
    ("改造任务提前两年完成。", [("两年", 2, None, "年", None)]),
    ("经营许可证有效期三年。", [("三年", 3, None, "年", None)]),
    ("合作期不少于十年的，给予奖励。", [("不少于十年", 10, None, "年", "at_least")]),
    ("服务年限不足三年的，不予补贴。", [("不足三年", 3, None, "年", "less_than")]),
    ("用一年半时间完成改造。", [("一年半", Decimal("1.5"), None, "年", None)]),
    ("整个工期为4天半。", [("4天半", Decimal("4.5"), None, "天", None)]),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS, ids=[t for t, _ in DURATIONS])
def test_years_after_a_verb_of_change_or_a_bound_are_durations(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全面实施乡村振兴三年行动。",
        "编制五年规划。",
        "近两年来，全县经济稳步增长。",
        "2019年，全区完成整治。",
        "规划期的前3年重点推进试点。",
    ],
)
def test_years_naming_a_programme_or_a_time_are_no_durations(text: str) -> None:
    assert metrics(text) == []


DAY_COUNTS = [
    ("情况复杂的，办理期限可以延长20日。", [("20日", 20, None, "日", None)]),
    ("公示期届满10日无异议的，予以登记。", [("10日", 10, None, "日", None)]),
    ("申请人应当在活动开始15日前提交材料。", [("15日", 15, None, "日", None)]),
    ("应当自受理之日起45日内作出决定。", [("45日内", 45, None, "日", "at_most")]),
    ("查封期限不得超过30日。", [("不得超过30日", 30, None, "日", "at_most")]),
    ("应当在合同期满前60日书面通知对方。", [("60日", 60, None, "日", None)]),
    ("自公告之日起满三十日，视为送达。", [("三十日", 30, None, "日", None)]),
    ("本次培训会期4日。", [("4日", 4, None, "日", None)]),
]


@pytest.mark.parametrize(("text", "expected"), DAY_COUNTS, ids=[t for t, _ in DAY_COUNTS])
def test_a_count_of_days_is_a_metric_not_a_date(text: str, expected: list[tuple[object, ...]]) -> None:
    result = govmetrics.extract(text, published="2021-05-20")
    assert [(m.text, m.value, m.high, m.unit, m.approx) for m in result.metrics] == expected
    assert result.dates == ()


@pytest.mark.parametrize(
    "text",
    [
        "12日，县委召开常委会会议。",
        "25日上午，市长王立新调研防汛工作。",
        "会议定于28日召开。",
        "5月1日、2日、3日放假。",
        "县委书记赵明远16日前往园区调研。",
    ],
)
def test_a_day_named_alone_in_a_story_stays_a_date(text: str) -> None:
    result = govmetrics.extract(text, published="2021-05-20")
    assert result.metrics == ()
    assert result.dates and all(d.granularity == "day" for d in result.dates)


UNITS_AS_WRITTEN = [
    ("全市90周岁以上老人领取高龄津贴。", [("90周岁以上", 90, None, "周岁", "at_least")]),
    ("区长就做好防汛工作提出三点要求。", [("三点", 3, None, "点", None)]),
    ("他结合实际谈了两点体会。", [("两点", 2, None, "点", None)]),
    ("当天清运建筑垃圾15车。", [("15车", 15, None, "车", None)]),
    ("新建水厂供水能力12万吨/日。", [("12万吨/日", 120000, None, "吨/日", None)]),
    ("设计日处理能力8000立方米/天。", [("8000立方米/天", 8000, None, "立方米/天", None)]),
    ("全程骑行两个半小时。", [("两个半小时", Decimal("2.5"), None, "小时", None)]),
    ("全年开行货运班列1560列。", [("1560列", 1560, None, "列", None)]),
    ("港口集装箱吞吐量达612万标箱。", [("612万标箱", 6120000, None, "标箱", None)]),
    ("新增光伏装机2.4吉瓦。", [("2.4吉瓦", Decimal("2.4"), None, "吉瓦", None)]),
]


@pytest.mark.parametrize(("text", "expected"), UNITS_AS_WRITTEN, ids=[t for t, _ in UNITS_AS_WRITTEN])
def test_units_are_kept_as_written(text: str, expected: list[tuple[object, ...]]) -> None:
    assert metrics(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议于下午三点召开。",
        "活动从早上八点半开始。",
        "工作组3点到达现场。",
        "改造为双向6车道。",
        "两点之间直线最短。",
    ],
)
def test_clock_times_and_roads_are_no_points_or_truckloads(text: str) -> None:
    assert metrics(text) == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("全省三次产业结构调整为8:40:52。", "三次产业 names the primary, secondary and tertiary sectors"),
        ("传达十四届全国人大二次会议精神。", "a session numbered after its term, with 全国 between"),
        ("县四家班子领导出席。", "四家班子, the four leading bodies, like 四套班子"),
        ("按照市委九次全会部署推进。", "a plenary session is named by its number"),
        ("推动一二三次产业融合发展。", "一二三次产业, the three sectors listed"),
    ],
)
def test_numbers_naming_sectors_sessions_and_bodies_are_not_metrics(text: str, why: str) -> None:
    assert [m for m in metrics(text) if m[3] in ("次", "家")] == [], why


@pytest.mark.xfail(strict=True, reason="a score written without 分 (取得92.5的高分) has its unit only in 高分 after 的")
def test_a_score_without_its_unit_before_gaofen() -> None:
    assert metrics("验收中取得92.5的高分。") == [("92.5", Decimal("92.5"), None, "分", None)]
