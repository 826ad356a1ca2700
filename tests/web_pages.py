"""Web pages shaped like government CMS templates, generated for the web page tests.

Each template wraps a :class:`Story` in what such sites print around it: navigation, a breadcrumb,
an information bar (发布时间, 来源, 浏览次数, 打印/关闭 links), related links, a share bar and a
footer of ICP numbers and contact lines, and gives the publication date in its own way (a
labelled line, a metadata table, a ``<meta>`` tag, a canonical URL). No page is copied from a real
site: the stories, names and numbers are invented, the shapes are those the templates share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

import attrs


@attrs.frozen
class Story:
    title: str
    paragraphs: tuple[str, ...]
    published: dt.date
    #: rows of a data table printed after the paragraphs (the first row its header), if any
    table: tuple[tuple[str, ...], ...] = ()

    @property
    def text(self) -> str:
        """The story as a reader sees it: each paragraph (and table row) on its own line."""
        rows = ["| " + " | ".join(row) + " |" for row in self.table]
        return "\n".join([*self.paragraphs, *rows])


MEETING = Story(
    title="临河区召开社区治理工作推进会",
    paragraphs=(
        "3月4日，区委副书记周明远主持召开社区治理工作推进会，区民政局、各街道负责同志参加会议。",
        "会议指出，今年以来，全区累计走访居民3万余户，解决群众诉求1200余件，整改问题楼院86个。",
        "会议要求，各街道要每月至少召开一次议事协商会，年底前老旧小区改造完成率达到95%以上。",
    ),
    published=dt.date(2021, 3, 5),
    table=(("街道", "走访户数"), ("东关街道", "5200户"), ("西湖街道", "4300户")),
)

RULES = Story(
    title="青山县农村人居环境整治考核办法",
    paragraphs=(
        "第一条 为推进农村人居环境整治，制定本办法。",
        "第二条 各乡镇每季度至少开展一次集中整治，每次不少于3天。",
        "第三条 县考核组每半年进行一次检查，检查结果纳入年度考核，占考核总分的20%。",
        "第四条 本办法自2019年8月1日起施行。",
    ),
    published=dt.date(2019, 7, 16),
)

REPORT = Story(
    title="白沙镇上半年经济运行情况",
    paragraphs=(
        "上半年，全镇完成地区生产总值18.6亿元，同比增长6.2%。",
        "固定资产投资完成4.3亿元，新建改建农村公路12公里，新增就业岗位560个。",
        "下半年，全镇将力争完成招商引资项目15个以上。",
    ),
    published=dt.date(2018, 11, 20),
)

INSPECTION = Story(
    title="区领导调研防汛工作",
    paragraphs=(
        "5月11日上午，区长韩志强带队调研防汛准备工作，副区长林晓东参加调研。",
        "韩志强指出，要在汛期来临前完成排查隐患点位230处，储备编织袋5万条。",
        "全区已组建抢险队伍28支、1400余人。",
    ),
    published=dt.date(2022, 5, 12),
    table=(("项目", "数量"), ("排水泵车", "16台"), ("发电机组", "32台")),
)

TRADITIONAL = Story(
    title="區議會召開交通事務委員會會議",
    paragraphs=(
        "12月7日，交通事務委員會主席何家明主持召開第五次會議，委員共12人出席。",
        "會議通過撥款約350萬元，用於改善社區行人通道，工程預計明年3月完成。",
    ),
    published=dt.date(2020, 12, 8),
)


def _paragraphs(story: Story) -> str:
    body = "\n".join(f'<p style="text-indent:2em;">{escape(p)}</p>' for p in story.paragraphs)
    if story.table:
        rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in story.table)
        body += f'\n<table border="1" cellspacing="0"><tbody>{rows}</tbody></table>'
    return body


_FOOTER = """<div class="footer"><p>主办：{site} 承办：{site}办公室</p>
<p>京ICP备05012345号-1 京公网安备 11010502031234号</p>
<p>网站标识码：1101050001 地址：人民路8号 邮编：100000 联系电话：010-12345678</p></div>"""

_RELATED = """<div class="related"><h3>相关链接</h3><ul>
<li><a href="/a/1.html">全区开展文明城区创建检查</a><span>2021-02-28</span></li>
<li><a href="/a/2.html">城管部门召开安全生产会议</a><span>2021-02-26</span></li>
<li><a href="/a/3.html">街道组织志愿者清理积雪</a><span>2021-02-20</span></li></ul></div>"""


def portal(story: Story, site: str = "临河区人民政府") -> str:
    """A district portal: top bar, menu, breadcrumb, an information bar that labels the date
    (发布时间：2021-03-05), the story, a close/print bar, related links, the footer; GBK."""
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{escape(story.title)}_{site}网站</title></head><body>
<div class="top"><a href="/">首页</a> | <a href="/wza">无障碍浏览</a> | <a href="/en">English</a></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xwzx/">新闻中心</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; 工作动态</div>
<div class="main"><div class="content">
<h1 class="title">{escape(story.title)}</h1>
<div class="info">发布时间：{story.published.isoformat()}　来源：区委社会工委　浏览次数：1234
<a href="javascript:window.print()">打印此页</a></div>
<div class="article"><div id="zoom">
{_paragraphs(story)}
</div></div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="close"><a href="javascript:window.close()">【关闭本页】</a> <a href="#">【打印本页】</a></div>
</div>{_RELATED}</div>
{_FOOTER.format(site=site)}
</body></html>"""


def policy_library(story: Story, site: str = "青山县人民政府") -> str:
    """A policy library page: a metadata table (索引号, 发文机关, 成文日期, 发布日期 with the date in
    a cell of its own: 2019年07月16日) above the text, which sits in nested divs; UTF-8."""
    day = f"{story.published.year}年{story.published.month:02d}月{story.published.day:02d}日"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(story.title)} - {site}门户网站</title>
<meta name="viewport" content="width=device-width"></head><body>
<header><nav><a href="/">首页</a><a href="/zc/">政策文件</a><a href="/jd/">政策解读</a></nav></header>
<div class="position">您现在的位置：<a href="/">首页</a> &gt; 政策文件</div>
<table class="policy-meta"><tbody>
<tr><td>索引号：</td><td>11522-0101-2019-00037</td><td>主题分类：</td><td>城乡建设</td></tr>
<tr><td>发文机关：</td><td>青山县人民政府办公室</td><td>成文日期：</td><td>{day}</td></tr>
<tr><td>发文字号：</td><td>青政办发〔2019〕12号</td><td>发布日期：</td><td>{day}</td></tr>
</tbody></table>
<div class="wrap"><div class="pages_content"><div id="UCAP-CONTENT">
<h2>{escape(story.title)}</h2>
{_paragraphs(story)}
</div></div></div>
<div class="links">上一篇：<a href="/p/1">关于做好春耕备耕工作的通知</a></div>
<div class="links">下一篇：<a href="/p/2">青山县防汛应急预案</a></div>
<footer><p>版权所有：{site}办公室 技术支持：县大数据中心</p><p>ICP备案号：黔ICP备12001234号</p></footer>
</body></html>"""


def table_layout(story: Story, site: str = "白沙镇人民政府") -> str:
    """An old table-layout site: nested tables, ``<font>`` tags, ``<br>`` between paragraphs, the
    date only in a TRS-style ``<meta name="PubDate">``; GB2312."""
    body = "<br>\n".join("　　" + escape(p) for p in story.paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="PubDate" content="{story.published.isoformat()} 08:30"><title>{site}</title></head>
<body bgcolor="#ffffff"><table width="980" align="center"><tr><td>
<table width="100%"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a> |
<a href="/zsyz">招商引资</a></td></tr></table>
<table width="100%"><tr><td width="200" valign="top"><table><tr><td><a href="/tzgg">通知公告</a></td></tr>
<tr><td><a href="/gzdt">工作动态</a></td></tr><tr><td><a href="/ldzc">领导之窗</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td align="center"><font size="4"><b>{escape(story.title)}</b></font></td></tr>
<tr><td align="center"><font color="#999999">【字体：大 中 小】 点击数：87</font></td></tr>
<tr><td class="bt_content"><font size="3">{body}</font></td></tr></table></td></tr></table>
<table width="100%"><tr><td align="center">版权所有 {site} 备案号：湘ICP备08001234号</td></tr></table>
</td></tr></table></body></html>"""


def article_template(story: Story, site: str = "滨江区融媒体中心") -> str:
    """A modern article template: ``<article>``, the date in ``article:published_time``, the text in
    TRS editor divs nested three deep, a data table, a share bar; UTF-8."""
    stamp = f"{story.published.isoformat()}T09:30:00+08:00"
    return f"""<!doctype html>
<html><head><meta charset="UTF-8"><title>{escape(story.title)}|{site}</title>
<meta property="og:title" content="{escape(story.title)}">
<meta property="article:published_time" content="{stamp}"></head>
<body><div id="app"><div class="header"><a href="/">首页</a><a href="/news">要闻</a><a href="/video">视频</a></div>
<main><article><h1>{escape(story.title)}</h1>
<div class="detail-info"><span>来源：{site}</span><span>作者：郑小川</span><span>阅读量：2.1万</span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle"><div>
{_paragraphs(story)}
</div></div></div>
<div class="editor">责任编辑：许静</div>
</article>
<aside><h3>热点推荐</h3><ul><li><a href="/n/9">滨江新城建设提速</a></li>
<li><a href="/n/8">夜间经济集聚区开街</a></li></ul></aside>
</main>
<div class="bshare">分享到：<a>微信</a><a>微博</a></div>
<footer>网站标识码：3301080012 浙公网安备 33010802001234号 {site}版权所有</footer></div></body></html>"""


def traditional_portal(story: Story, site: str = "東區區議會") -> str:
    """A traditional-character page in Big5: the date only in the canonical URL's path
    (``/2020-12/08/``), an information bar and footer written in traditional characters."""
    day = story.published
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">
<link rel="canonical" href="https://www.example.org/news/{day.year}-{day.month:02d}/{day.day:02d}/content_4821.htm">
<title>{escape(story.title)}_{site}網站</title></head><body>
<div class="menu"><a href="/">首頁</a> <a href="/news">新聞公報</a> <a href="/contact">聯絡我們</a></div>
<div class="body"><h2>{escape(story.title)}</h2>
<div class="info">來源：{site}秘書處　瀏覽次數：56</div>
{_paragraphs(story)}
<p class="tools"><a href="javascript:print()">【打印本頁】</a><a href="javascript:close()">【關閉窗口】</a></p></div>
<div class="foot">{site}版權所有 網站地圖</div></body></html>"""


#: Each template, the story it carries, and the encoding its page is written in.
PAGES: dict[str, tuple[Callable[[Story], str], Story, str]] = {
    "portal": (portal, MEETING, "gbk"),
    "policy_library": (policy_library, RULES, "utf-8"),
    "table_layout": (table_layout, REPORT, "gb2312"),
    "article_template": (article_template, INSPECTION, "utf-8"),
    "traditional_portal": (traditional_portal, TRADITIONAL, "big5"),
}


def page_bytes(name: str) -> bytes:
    """The page of template ``name``, encoded as its template declares."""
    template, story, encoding = PAGES[name]
    return template(story).encode(encoding)
