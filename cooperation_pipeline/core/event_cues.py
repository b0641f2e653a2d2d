"""The words and phrases that signal events, parties, dates and what is no event.

Plain compiled patterns, kept apart from the extractor that applies them so each can be read
(and tested) on its own; the comment beside a pattern shows the text it was written for."""
from __future__ import annotations

import re

AGR_NOUN = (r"(?:框架协议|合作协议|协议书|协议|备忘录|合作事项|意向书|结好意向|友好意向|协定书|协定|合作书|合作纲要|合作宣言|"
            r"联合宣言|倡议书|合作清单|行动计划|行动方案|合作方案|合作计划|工作计划|重点事项|合作纲要|会议纪要|会谈纪要)")
# 签署《南昌行动》: a title in 《》 right after the signing verb is the agreement signed
SIGNED_TITLE_RE = re.compile(r"^(?:了|共同|正式)?(?:双方|两地|[两三四五六七八九十]+[地市方省区县])?(?:的)?《([^《》]{2,80})》")
AGR_NOUN_RE = re.compile(AGR_NOUN)
# (在《…协议》上郑重签名: a name put on an agreement signs it; a 签名 elsewhere is a petition's)
SIGN_VERB_RE = re.compile(r"签署|签订|签约|签定|草签|签下|缔结|签字|续签|(?<=上)(?:郑重|正式|共同)?签名")
QUOTED_RE = re.compile(r"《([^《》]{2,80}?)》")
UNQUOTED_AGR_RE = re.compile(
    r"(?:签署|签订|签约|签定|缔结|续签)(?:了)?(?:双方|两地|两市|两区)?(?:的)?"
    r"([\u4e00-\u9fff“”\"「」]{0,30}?" + AGR_NOUN + r")"
)
COUNT_PREFIX = re.compile(r"^[一二三四五六七八九十两百\d]+[个项份批]")
GENERIC_AGR = {"协议", "合作协议", "协议书", "框架协议", "合作框架协议", "备忘录", "合作备忘录", "合作书"}
FRIEND_REL = (r"(?:友好(?:交流|合作)?(?:城市|区市|市区|县市|市县|区县|县区|省州|省县|省区|州市|省市|区州|州区|省道|城区|省|州)"
              r"|友好交流(?=关系|协议|协定|意向|备忘录|合作书)|友城|姐妹城市|姐妹友好城市|姊妹城市|姊妹市|姐妹市|结好(?=协议)"
              r"|(?<=建立)(?:国际)?友好关系(?=协定|协议|意向书|备忘录))")
FRIEND_RE = re.compile(
    r"(?:建立|缔结|结为|结成|确立|缔结为|正式建立|正式缔结|正式结为|成为)[^，,。；;]{0,8}?"
    r"(?:" + FRIEND_REL + r"|(?:国际)?友好合作伙伴(?:城市)?(?:关系)?)"
    + r"|(?<!加强)(?<!深化)" + FRIEND_REL + r"(?![间之])(?:关系)?[”\"」]?[^，,。；;]{0,6}?(?:签约|签字|协议|意向书|备忘录|协定|合作书|盟约)"
    # 新增5对友好城市(省州)分别为A与B、C与D: the new pairs listed after the count
    # (新签约的9对中非友好城市,分别是A与B、…)
    # 宜兰市与美国黎雾市缔盟 (Taiwan's word for sister cities)
    # (缔盟事宜, 缔盟期程: what is being prepared)
    + r"|缔盟(?!事宜|期程|进程|计划|意向)"
    + r"|(?:新增|新签约|新签署|新缔结)(?:了)?(?:的)?(?:\d+|[一二三四五六七八九十两]+)对[\u4e00-\u9fff]{0,4}?" + FRIEND_REL
)
# After a trigger, the pairs it introduces: …友好城市分别为A与B、C与D.
LIST_INTRO = re.compile(r"(?:\([^()（）]{0,6}\)|（[^()（）]{0,6}）)?(?:关系)?[:：，,]?(?:分别)?(?:为|是|包括)[:：]?")
FRIENDLY_AGR = re.compile(FRIEND_REL)
MEETING_RE = re.compile(
    r"座谈会|会商会|联席(?:第[\d一二三四五六七八九十]{1,3}次)?会议|联席会|对接会|洽谈会|交流会|恳谈会|合作会议|协调会|峰会|论坛|圆桌会|"
    r"协作会|推进会|交流座谈|工作会谈|会谈|首脑会议|市长会议|省长会议|领导人会议|高层会议|协调会议|"
    r"工作组(?:第[\d一二三四五六七八九十]{1,3}次)?会议|年度会议|年会"  # 联合工作组第三次会议, 省委书记年度会议, 协作体年会
)
# organisations with provincial and city branches (democratic parties, mass organisations)
ORG_BEFORE = re.compile(r"(?:九三学社|民革|民盟|民建|民进|农工党|致公党|台盟|工商联|共青团|青联|妇联|红十字会|侨联|科协|作协|文联)$")
BRANCH_JOIN = re.compile(r"(?:省委|市委|区委|县委|委员会|委|支社|支部)?\s*[与和同、及]\s*")
COUNTERPART_CLAUSE = re.compile(r"\s*(?:并|还|又|同时|随后|另外)?(?:分别)?(?:与|同|和|跟)")
SELF_COUNTERPART_CLAUSE = re.compile(r"\s*(?:[^，,。；;]{0,6}[，,]\s*)?(?:我|本)([省市区县州])(?:还|也|又|先后|已|分别)?(?:与|同|和|跟)")
# 记者…兰州5日电: the place a report was filed from, not a party
DATELINE_AFTER = re.compile(r"\s*(?:[\d一二三四五六七八九十]{1,2}月)?[\d一二三四五六七八九十]{1,3}日(?:电|讯)")
LEADING_CREDIT = re.compile(r"[^，,。；;]{0,40}?(?:讯|电)\s*(?:[(（【][^)）】]{0,60}[)）】])?\s*")
INTENT_AFTER = re.compile(r"[^，,。；;]{0,40}?(?:》|协议书?|备忘录)\s*(?:达成|形成)(?:了)?(?:签约|合作)?意向")
# “一地六县”即A、B…: a named group defined by its members
GROUP_DEFINITION = re.compile(r"[“\"]([^“”\"，,。]{2,10})[”\"](?:即|是指|指的是|包括)")
# 包括福建、江西…等内地九个省区和港澳两个特别行政区在内的“泛珠三角”区域: the list before its name
GROUP_LISTED_BEFORE = re.compile(r"包括([^。；;“”\"]{4,200}?)在内的[“\"]([^“”\"，,。]{2,10})[”\"]")
AT_THE_MEETING = re.compile(r"(?:峰会|会议|论坛|大会|联席会|座谈会|会)(?:期间|上)[，,]?\s*(?:还|共同|正式)?$")
# 川渝九地商协会发展合作峰会: a meeting of chambers, associations or entrepreneurs, not of governments
BUSINESS_MEETING = re.compile(r"(?<!会)商会|商协会|工商联|企业家|协会|学会|联合会")  # (会商会 is a consultation)
OWN_WORK_MEETING = re.compile(r"(?:我|本)(?:县|市|区|州|省|旗)(?:召开|举行|组织召开)[^，,。；;]{0,20}?(?:推进会|部署会|调度会|工作会议|工作会|动员会)$")
# 此次座谈会重点讨论了…,签署了…: the meeting is the sentence's subject
MEETING_SUBJECT = re.compile(r"\s*(?:此次|本次|这次|该次|本届|此届)(?:座谈会|会议|联席会议|联席会|峰会|大会|论坛|会商会)")
LEADERS_GATHER = re.compile(r"的(?:市长|县长|区长|省长|主要领导|负责人|代表)(?:们)?(?:再度|再次|首次)?(?:聚首|齐聚|相聚|出席|参加|与会)")
ATTEND_MEETING = re.compile(r"(?:参加|出席)了?(?:本次|此次|这次)?(?:会议|会商|大会)")
ANNOUNCES_A_DATE = re.compile(r"将(?:于|在)\s*(?:\d{4}年|今年|明年)?[\d一二三四五六七八九十]{1,2}月")  # (决定将于今年12月17日举办)
SCHEDULED = re.compile(r"将(?:在|于|要|会|转往|前往|赴|出访|率团|率领)")  # (行政长官将转往波尔图市考察,与波尔图市签署…)
PAST_MARK = re.compile(r"了|已经|已|曾")
ABBREVIATION_SIGNS = re.compile(
    r"(?:两地|两市|三地|三市|四地|四市|两省|两省区|两省市|双方"
    r"|等?(?:[两三四五六七八九十]|\d{1,2})个?省(?:市|区|市区)?(?:[(（][^)）]{0,8}[)）])?)?"
    r"(?:政府)?(?:共同|正式|还)?(?:现场)?(?:签署|签订|签约)")
GROUP_SUBJECT = re.compile(r"\s*[“\"]?((?:[两二三四五六七八九十]+|\d{1,2})个?(?:省会城市|城市|市|地|省|区|县)|双方|各方)[”\"]?"
                           r"(?:还|也|又|并|同时)(?:分别)?(?:与|同|跟)")
# the rest of a title chain up to the name (省委常委、市委书记李亚): its name is group 1
TITLE_CHAIN_AFTER = re.compile(r"[^，,。；;\s]{0,16}?(?:书记|市长|省长|区长|县长|州长|主任|主席)([\u4e00-\u9fff·•]{2,8}?)(?=与|和|同|代表|在|签|率|出席|，|,)")
SURNAME_TITLE_RE = re.compile(r"([\u4e00-\u9fff])(?:市长|省长|区长|县长|州长|书记|主席|主任)")
# 云南、贵州两省的5个州市: the counted members of the regions named just before
COUNTED_MEMBERS = re.compile(
    r"(?:两|三|四)?(?:省|省区|省市)?(?:的|所属|下辖|区内|省内|境内)((?:\d{1,2}|[两二三四五六七八九十]+)个?(?:州市|市州|城市|地市|市|县|区县|县区|县市))")
# 来足考察: a one-character abbreviation of the host (大足) right after the verb of coming
ONE_CHARACTER_HOST = re.compile(r"(?:一行)?(?:来|到|赴)([\u4e00-\u9fff])(?=考察|调研|交流|访问|参观|洽谈|对接|学习|开展)")
MEETING_PAIR_JOIN = re.compile(r"\s*(?:—|–|-|－|与|和|同|、)\s*")
WITNESS_RE = re.compile(r"见证|出席|陪同|主持|列席|观看")
MEETING_VERB_RE = re.compile(r"召开|举行|举办|开幕|闭幕|召集|主办|出席|主持|参加")
INTERNAL_MEETING = re.compile(r"全市|全区|全省|全县|系统|常委会|党组|理论学习|民主生活|务虚")
DELEG_RE = re.compile(r"(?:党政代表团|党政考察团|政府代表团|经贸代表团|友好代表团|考察团|代表团|(?<=[\u4e00-\u9fff])(?:带队|率队))")
VISIT_MOVE_RE = re.compile(r"赴|到|莅临|来|抵达|前往|走进|在")
VISIT_ACT_RE = re.compile(r"考察|调研|访问|参观|学习|交流|观摩|对接")
FUTURE_RE = re.compile(r"(?:将|拟|计划|准备|有望|可望|可以|能够|即将|将要|争取|力争|尚未|未能|没有|未|适时|择机|届时|推动|推进|希望|期待|期盼|盼望|盼|等待)[^，,。；;]{0,8}$")
BACKGROUND_BEFORE = re.compile(r"以来[，,]|(?:多|几|十|数|\d+)年来[，,]|此前|之前|曾于|曾经|曾在|早在|去年|前年|上年|多年前|年前|历年|往年|先后与|陆续有|相继有|此后陆续|自[^，,。；;]{0,12}年")
BACKGROUND_AFTER = re.compile(r"^[^。；;]{0,30}?(?:以来|至今|周年)|^[^，,。；;]{0,12}?(?:较早|很早)")
# 截至目前,安康市已与A、B、C正式缔结友好城市关系: the partners so far, a status and no event
STATUS_BEFORE = re.compile(r"(?:截至|截止|迄今|至今|目前)[^。；;]{0,12}?(?:已(?:经)?|共有)[^。；;]{0,60}$"
                           # 二连浩特已经同乌兰巴托市、东戈壁省…等18个地区和城市建立了友城关系: a tally
                           r"|已(?:经)?(?:先后)?(?:与|同|和)[^。；;]{0,80}?等(?:\d+|[两二三四五六七八九十百]+)个[^。；;]{0,12}$")
# 访问期间,青岛将与维拉维利亚签署两市建立友好城市的协议: what a visit is to bring
WILL_WITH = re.compile(r"将(?:与|同|和)[^，,。；;]{0,30}$")
# 会议认为,我市与光州建立友好城市关系,有利于…; 会议决定批准我市与光州缔结友城关系: a proposal judged
# or approved, not an establishment; 议会在美助台南与西柯汶纳市缔盟: one helped along
PROPOSED_BEFORE = re.compile(r"(?:认为|批准|提请|审议|议案|表决通过|促成(?!了)|(?<!借)助(?![力推理]))[^。；;]{0,30}$")
PROPOSED_AFTER = re.compile(r"^[^，,。；;]{0,20}[，,]\s*(?:将|能够|可以|也)?(?:有利于|有助于)")
ANAPHOR_RE = re.compile(
    r"双方|两地|两市|两区|两县|两省|双边|各方|各市|彼此|参与方|与会各方|与会城市|成员城市|各成员城市|(?:[两二三四五六七八九十]+|(?<!\d)\d{1,2})(?:个)?(?:省会城市|省会|城市|城|市|地|省|区|县|方)(?!级)"
)  # 4个市级友城协议: a count of agreements, not of regions
NON_GOV_SUBJECT = re.compile(r"企业|公司|集团|银行|商会|协会|高校|大学|学院|高中|中学|小学|学校|幼儿园|医院|机构|平台|基金|园区|项目|客商|投资方")
GOV_SUBJECT = re.compile(r"政府|党委|双方|两地|两市|两区|两县|两省|[三四五六七八九十]地|各方")
COMMERCIAL_AGR = re.compile(r"^[^。；;，,]{0,20}?(?:项目|投资协议|购销|采购|合同|贷款|授信|融资|供货|租赁)")
PLAN_RE = re.compile(r"支持|鼓励|定期|每年|推动|可以|共同举办|轮流|适时|择机|将|拟")
CJK = re.compile(r"[\u4e00-\u9fff]")
PAIR_JOIN = re.compile(r"(?:人民政府|政府)?[与和同](?:人民政府)?")
# what may stand between a title's opening 《 and its signatories, and between them
TITLE_SIGNATORY_GAP = re.compile(r"\s*(?:国|人民政府|政府|市委|党委|[与和同、及])?\s*[与和同、及]?\s*")
PAIR_VERB = r"(?:签署|签订|签约|缔结|建立|结为|结成)"
# (…与韩国首尔市信息化规划官,市教委与…: the office of a pair's second side may follow it)
PAIR_SEP = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?(?:政府|官|委|局|厅|办))?(?:[、，,；;]|以及|及|和)")
# deputies' delegations at people's congresses, sports and art troupes
NOT_A_VISIT = re.compile(r"审议|人大代表|全国人大|人代会|两会|运动会|体育代表团|艺术团|比赛|参赛")
# 与毗邻5县签订: a counted group right after 与 is the counterpart of the regions named before
COUNTERPART_BEFORE = re.compile(r"[与同和跟](?:毗邻|周边|相邻|接壤|邻近|其他|其余|另外)?的?$")
# 各乡镇, 各县(市), 各州市: each member of one level that the passage named
EACH_OF_LEVEL = re.compile(r"各(乡镇|乡镇街道|镇|县区|区县|县市|市县|县|州市|市州|地市)")
EACH_LEVELS = {"乡镇": "town", "乡镇街道": "town", "镇": "town", "县区": "county", "区县": "county",
               "县市": "county", "市县": "county", "县": "county", "州市": "prefecture", "市州": "prefecture",
               "地市": "prefecture"}
STATE_AGREEMENT_AFTER = re.compile(r"(?:了|的)?\s*《?[\u4e00-\u9fff]{0,4}两国")
STATE_SIGNERS_BEFORE = re.compile(r"两国(?:元首|领导人|政府|总理|外长)[^，,。]{0,6}$")
TITLE_BREAK = re.compile(r"[与和同及、，,。；;：:]|率|会见|一行|代表团")
PURPOSE_LEAD = re.compile(r"\s*(?:为了|为|围绕|按照|根据|为进一步|为深入)[^。；;]*[，,]\s*")
# 古田、屏南人占多数: people of the place; “新福州”美誉的诗巫: a nickname of another place
PEOPLE_AFTER = re.compile(r"人(?![民大社力才])")
NICKNAME_BEFORE = re.compile(r"[“\"](?:新|小|东方|第二)$")
# 与广东省对口协作市签署: unnamed cities of the province sign, not the province
UNNAMED_MEMBERS_AFTER = re.compile(r"的?(?:(?:对口|结对)(?:协作|帮扶|支援)?|有关|相关)(?:城市|市州|地市|市|县区|区县|县|地区|乡镇)")
# 今年是双方建立友好省州关系20周年: the friendship's year, counted back from the page's
ANNIVERSARY_THIS_YEAR = re.compile(r"(今年|明年)(?:是|为|适逢|恰逢|正值)[^。；;，,]{0,30}?(\d{1,3}|[一二三四五六七八九十]{1,3})周年")
# 原定今年8月赴日…缔结姐妹市仪式,无奈受疫情影响…: what was planned, not what happened
PLANNED_BEFORE = re.compile(r"(?:原定|原计划|原本计划|原拟|本拟|预定)[^，,。；;]{0,30}$")
# 两地还将召开…座谈会,签署战略合作框架协议: what the sentence says will happen, clause after clause
WILL_CLAUSES = re.compile(r"(?:还将|即将|将于|将要|拟于|计划于)[^。；;了已]*$")
YEARS_OF_FRIENDSHIP = re.compile(r"(?:结好|缔结|结为|建立|友好|友城)[^。；;]{0,8}?(?:\d{1,3}|[二三四五六七八九十]{1,3})"
                                 r"(?:周年|年间|年来|年以来)")
PLAN_YEAR_AFTER = re.compile(r"[^，,。；;签订署缔]{0,8}?(?:计划|规划|方案|目标|任务|预算)")
# 宜兰市民国30年建市, 中法1964年建交: the year a place was founded or two states met, not the event's
FOUNDED_AFTER = re.compile(r"\s*(?:建市|建县|建区|建镇|建乡|设市|设县|设区|撤县设市|撤县设区|撤地设市|建交|建国|出生)")
# 补偿协议签订后,将…; 缔结友好城市关系后,双方将…: what follows a signing, not one
JUDGED_AFTER = re.compile(r"(?:将|必将|对|为|有利于|有助于|标志着|意味着)")
THEN_AFTER = re.compile(r"[^，,。；;]{0,4}?后[，,]?\s*(?:双方|两地|两市)?(?:将|要|还将|可|会)")
HOSTS_AFTER = re.compile(r"[^，,。；;]{0,14}?(?:联合主办|共同主办|主办|承办|协办)的")
RENEWAL_RE = re.compile(r"续签|续订|重新签署|再次签署")
RELAYED_BEFORE = re.compile(r"(?:传达|学习|贯彻|落实)[^。；;]{0,40}$")
SPIRIT_AFTER = re.compile(r"[^。；;]{0,30}?(?:重要讲话|讲话精神|精神)")
OTHER_ACT = re.compile(r"会晤|会谈|座谈|会见|交流|洽谈|对接")
RESPECTIVELY_WITH = re.compile(r"分别(?:与|同|和|跟)")
ONE_BY_ONE = re.compile(r"分别|依次|逐一|先后")  # 与昭阳区、镇雄县、彝良县依次签订: one signing each
WITH = re.compile(r"(?:与|同|跟)")
JOINED_AFTER = re.compile(r"[省市区县州]?\s*(?:和|及|以及|与|、)")
ANAPHOR_COUNT = {"双": 2, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 我市/本市 = the publisher; not 资本市场, 日本市场, 基本市情
SELF_RE = re.compile(r"我(省|市|区|县|州)|(?:(?<![\u4e00-\u9fff])|(?<=[在与和同到赴来为对向及、]))本(省|市|区|县|州)(?![场值级情政])"
                     r"|(?<=代表)(省|市|区|县|州)(?=政府与|人民政府与)"  # 市长…代表市政府与…签署
                     # 5月23日中午,省政府与韩国庆尚北道在长沙签署: the page's own government opens the clause
                     r"|(?<=[，,；;：:])(省|市|区|县|州)(?=政府[与和同]|人民政府[与和同])"
                     # ,市教委与乌拉圭圣何塞省政府…签署: a department of the page's own city, written bare
                     r"|(?<=[，,、；;])(省|市|区|县)[\u4e00-\u9fff]{1,6}?(?:委|局|厅|办)(?=[与和同])")
# 代表齐聚长沙签署: the venue; 莫过于, 由于, 对于, 关于: no place
# (在昆士兰州首府布里斯班: the capital named after its state is the venue)
LOCATION_BEFORE = re.compile(r"(?:在|(?<![过由对关至等属基])于|齐聚|相聚|聚首|汇聚|云集)$"
                             r"|(?:在|于)[^，,。；;]{2,10}(?:首府|首都|省会)$")
# 香港文汇报讯, 湖南日报记者, 长沙晚报: a newspaper or station named after its place reports, it does not sign
MEDIA_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{1,2}?)?(?:日报|晚报|商报|时报|早报|文汇报|都市报|新闻网|电视台|广播电视台|"
                         r"融媒体中心|新闻客户端)|合作组织")  # 上海合作组织: an organisation, not 上海
CONTENT_CUE = re.compile(r"根据[^。；;]{0,20}协议|按照[^。；;]{0,40}协议|协议约定|协议内容|协议明确|协议提出|协议规定")
