#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Makes a corpus of short documents for bench/short: COUNT documents of one
or two sentences each (messages, headlines, single sentences of news), put
together from the templates, names, places and organisations below, which
were written for this benchmark (no sentence of the corpus or of the
development set). With a fixed seed: the same corpus every run. No two
lines are the same, so the same text as one long document (ONE_FILE,
the documents one after the other) keeps every line (cnkg drops a paragraph repeated
inside a document as page furniture).
Usage: shortgen.py OUTDIR COUNT [ONE_FILE]
Prints the number of documents, characters and bytes written."""
import os
import random
import sys

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["秀兰", "建国", "卫东", "海燕", "志强", "春梅", "国平", "晓光", "玉芬", "德胜",
         "丽娟", "永红", "文斌", "桂英", "明辉", "雪梅", "振华", "小军", "淑珍", "洪涛",
         "金凤", "立新", "红霞", "宏伟", "爱民", "少华", "静怡", "长青", "云飞", "佳慧"]
TITLES = ["村党支部书记", "镇长", "县委书记", "合作社理事长", "驻村第一书记", "副县长",
          "乡党委书记", "村委会主任", "农技站站长", "扶贫办主任", "县长", "村医"]
PROVINCES = ["河南省", "四川省", "贵州省", "云南省", "甘肃省", "湖南省", "江西省",
             "陕西省", "山西省", "安徽省", "广西壮族自治区", "湖北省"]
COUNTIES = ["青山县", "白河县", "云岭县", "石门县", "清水县", "长宁县", "安远县", "平山县",
            "凤台县", "兴隆县", "永和县", "金溪县", "东乡县", "南华县", "宁远县", "太和县"]
TOWNS = ["青石镇", "柳河镇", "桃源乡", "杏花镇", "梨园乡", "双桥镇", "龙泉镇", "松林乡",
         "红岩镇", "枫坪乡", "清溪镇", "大湾乡"]
VILLAGES = ["柳河村", "石桥村", "新民村", "上坪村", "下湾村", "水口村", "马家村", "竹园村",
            "东岭村", "西沟村", "高坡村", "花园村", "团结村", "五星村"]
ORGS = ["茶叶专业合作社", "食用菌合作社", "农机服务队", "电商服务站", "养殖合作社",
        "果蔬合作社", "劳务合作社", "中药材合作社", "乡村旅游合作社", "光伏电站"]
FIRMS = ["绿源农业公司", "山泉食品公司", "丰禾种业公司", "远航物流公司", "金穗米业公司",
         "云端电商公司", "青禾生物公司", "红土建材公司"]
CROPS = ["高山茶", "香菇", "花椒", "猕猴桃", "核桃", "黄花菜", "中药材", "红薯", "脐橙",
         "蜂蜜", "土鸡", "肉牛", "油茶", "苹果"]
NUMS = ["三百", "五百", "八百", "一千二百", "两千", "三千六百", "四千五百", "六千"]
MONTHS = ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
          "十一月", "十二月"]
YEARS = ["2019年", "2020年", "2021年", "2022年", "2023年"]

# {p} person with title, {n} bare name, {c} county, {t} town, {v} village,
# {P} province, {o} organisation, {f} firm, {k} crop, {x} number, {m}
# month, {y} year
SENTENCES = [
    "{t}{v}{o}今年种植{k}{x}亩,带动周边农户增收。",
    "{p}来到{v}走访困难群众,了解{k}销售情况。",
    "{y}以来,{c}累计投入资金{x}万元,修通村道四十多公里。",
    "{f}与{v}签订{k}收购协议,每斤比市场价高出两毛钱。",
    "{m}中旬,{P}{c}{t}举办{k}采摘节,吸引游客{x}人次。",
    "{p}说,{o}去年分红达到每户{x}元。",
    "{c}{t}的{x}户村民搬进了新居。",
    "记者从{c}获悉,{k}产业已覆盖全县{x}户脱贫户。",
    "{p}带着技术员挨家挨户讲解{k}种植要点。",
    "{v}的{k}通过{f}卖到了省外。",
    "{P}{c}召开{k}产业推进会,{p}出席并讲话。",
    "{y}{m},{t}{v}成立{o},首批入社农户{x}户。",
    "{p}表示,要把{k}做成带动群众致富的主导产业。",
    "在{p}的带领下,{v}的集体收入突破{x}万元。",
    "{f}在{c}投资建设{k}加工厂,预计明年投产。",
    "{t}组织{x}名农民工赴外地务工,人均月收入四千元以上。",
    "{c}教育局为{v}小学送去图书{x}册。",
    "{p}在{t}调研时强调,要巩固拓展脱贫攻坚成果。",
    "{v}村民{n}靠养殖{k}脱了贫,还带动了十几户乡亲。",
    "{m}以来,{c}新建{k}基地{x}亩。",
]
HEADLINES = [
    "{c}:{k}铺就致富路",
    "{p}的扶贫日记",
    "{v}走出{k}产业新路子",
    "{f}助力{c}乡村振兴",
    "{t}:小{k}撑起大产业",
    "{P}{c}{x}户群众喜迁新居",
]


def fill(rnd, tpl):
    name = rnd.choice(SURNAMES) + rnd.choice(GIVEN)
    vals = {
        "n": name,
        "p": rnd.choice(TITLES) + name,
        "c": rnd.choice(COUNTIES), "t": rnd.choice(TOWNS), "v": rnd.choice(VILLAGES),
        "P": rnd.choice(PROVINCES), "o": rnd.choice(ORGS), "f": rnd.choice(FIRMS),
        "k": rnd.choice(CROPS), "x": rnd.choice(NUMS), "m": rnd.choice(MONTHS),
        "y": rnd.choice(YEARS),
    }
    return tpl.format(**vals)


def document(rnd):
    kind = rnd.random()
    if kind < 0.15:  # a headline and its first sentence
        return fill(rnd, rnd.choice(HEADLINES)) + "\n" + fill(rnd, rnd.choice(SENTENCES))
    if kind < 0.55:  # two sentences
        return fill(rnd, rnd.choice(SENTENCES)) + fill(rnd, rnd.choice(SENTENCES))
    return fill(rnd, rnd.choice(SENTENCES))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: shortgen.py OUTDIR COUNT [ONE_FILE]")
    out, count = sys.argv[1], int(sys.argv[2])
    one = sys.argv[3] if len(sys.argv) == 4 else None
    rnd = random.Random(20261202)
    os.makedirs(out, exist_ok=True)
    seen, docs = set(), []  # lines: no line twice anywhere
    while len(docs) < count:
        d = document(rnd)
        lines = d.split("\n")
        if not any(l in seen for l in lines):
            seen.update(lines)
            docs.append(d)
    nbytes = nchars = 0
    for i, d in enumerate(docs):
        data = (d + "\n").encode("utf-8")
        with open(os.path.join(out, "s%06d.txt" % i), "wb") as f:
            f.write(data)
        nbytes += len(data)
        nchars += len(d) + 1
    if one:
        # one document: the same lines, in the same order
        with open(one, "wb") as f:
            for d in docs:
                f.write((d + "\n").encode("utf-8"))
    print(len(docs), nchars, nbytes)


if __name__ == "__main__":
    main()
