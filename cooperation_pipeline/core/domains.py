"""Cooperation-domain taxonomy: stable keys, a Chinese label and keyword lists.

Researchers aggregate cooperation by domain across thousands of agreements, so the keys
are coarse and stable; the keyword lists decide membership.  A phrase can belong to two
domains (康养 is health care and an industry in some texts, we file it under health);
keywords are matched as plain substrings in the sentences that describe an agreement's
content (``在科技、教育、卫生、招商、金融、旅游、生态、人才等方面``).

Order matters only for output: keys come back in taxonomy order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    key: str
    label: str
    keywords: tuple[str, ...]


TAXONOMY: tuple[Domain, ...] = (
    Domain("government_affairs", "政务协作与发展战略", (
        "发展战略", "战略对接", "规划对接", "领导互访", "部门互学", "政务合作", "组织工作", "外事",
        "信息互通", "联席会议制度", "工作联络机制")),
    Domain("talent_exchange", "人才与干部交流", (
        "人才", "干部交流", "干部互派", "互派干部", "挂职", "干部培训", "干部队伍", "人社", "人力资源",
        "劳务协作", "人才交流", "人才培养", "跟岗")),
    Domain("education", "教育", (
        "教育", "教师", "学校", "校长", "师生", "办学", "研学", "教学", "高校", "职业院校", "学科建设")),
    Domain("health", "医疗卫生与康养", (
        "医疗", "卫生", "医院", "健康", "康养", "疗养", "公共卫生", "医药卫生", "疾控", "中医药", "卫健")),
    Domain("culture_tourism", "文化和旅游", (
        "文化", "旅游", "文旅", "文创", "艺术", "演出", "影视", "非遗", "文物", "景区", "客源")),
    Domain("sports", "体育", ("体育", "赛事", "全民健身")),
    Domain("science_technology", "科技创新", (
        "科技", "科研", "创新", "技术转移", "成果转化", "产学研", "知识产权", "孵化", "数字化", "人工智能",
        "大数据", "数字经济", "计量科技")),
    Domain("industry", "产业协作", (
        "产业", "制造", "工业", "新能源", "生物医药", "半导体", "芯片", "电子信息", "能源", "园区共建",
        "飞地")),
    Domain("commerce_investment", "经贸与招商", (
        "招商", "投资", "经贸", "商务", "贸易", "营商环境", "商业", "餐饮", "地产", "会展", "消费",
        "企业合作", "市场对接", "物业")),
    Domain("finance", "金融", ("金融", "资本市场", "基金", "银行", "保险", "融资")),
    Domain("ecology", "生态环保", (
        "生态", "环保", "环境保护", "污染", "绿色", "低碳", "水环境", "大气", "节能", "减排", "垃圾分类")),
    Domain("transport", "交通物流", (
        "交通", "铁路", "高铁", "港口", "港航", "航运", "物流", "航空", "航线", "公路", "轨道")),
    Domain("public_security", "公安与司法", (
        "警务", "公安", "司法", "法治", "综治", "维稳", "治安", "司法援助", "法律服务", "检察", "应急")),
    Domain("urban_management", "城市建设与管理", (
        "城市管理", "城市建设", "城市规划", "城市更新", "规划建设", "精细化管理", "市政", "网格化",
        "背街小巷", "城市治理")),
    Domain("social_governance", "社会治理", ("社会治理", "基层治理", "社区治理", "社会建设", "社会组织")),
    Domain("public_services", "民生与公共服务", (
        "民生", "养老", "政务服务", "社保", "社会保障", "公积金", "跨省通办", "公共服务", "就业", "医保",
        "医疗保障", "人社服务", "便民")),
    Domain("agriculture", "农业农村", ("农业", "乡村振兴", "农产品", "农村", "畜牧", "渔业", "种业")),
    Domain("poverty_alleviation", "扶贫与对口帮扶", (
        "扶贫", "脱贫", "对口帮扶", "对口支援", "东西部协作", "帮扶", "结对")),
    Domain("market_integration", "市场一体化", (
        "市场一体化", "公共资源交易", "统一市场", "市场监管", "计量", "标准互认", "信用")),
)

KEYS: tuple[str, ...] = tuple(d.key for d in TAXONOMY)
LABELS: dict[str, str] = {d.key: d.label for d in TAXONOMY}

_KEYWORD_RE = re.compile("|".join(sorted(
    {re.escape(k) for d in TAXONOMY for k in d.keywords}, key=len, reverse=True)))
_KEY_OF: dict[str, list[str]] = {}
for _d in TAXONOMY:
    for _k in _d.keywords:
        _KEY_OF.setdefault(_k, []).append(_d.key)


def classify(text: str) -> list[str]:
    """Domain keys whose keywords occur in ``text``, in taxonomy order.

    Longer keywords win at a position (社会治理 is social governance, not 社会 + 治理), so
    公共卫生 counts once, as health.
    """
    found: set[str] = set()
    for m in _KEYWORD_RE.finditer(text):
        found.update(_KEY_OF.get(m.group(0), ()))
    return [k for k in KEYS if k in found]


def label(key: str) -> str:
    """Chinese label of a taxonomy key."""
    return LABELS[key]
