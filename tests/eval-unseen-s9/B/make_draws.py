import json
D=[(2,1160,"accepted","bullet in the prose list of what a convention must contain"),
(4,9192,"accepted","prose bullet (Villes euromed / Interreg Europe project)"),
(6,3834,"accepted","prose paragraph (volontariat franco-allemand)"),
(8,2158,"accepted","prose paragraph on the CCRE"),
(10,3188,"accepted","prose sentence on comités régionaux du tourisme / Atout France"),
(12,8247,"accepted","prose paragraph on the EU 'Égalité, Citoyenneté, Droits et Valeurs' programme budget"),
(14,3563,"rejected","section heading '3.3 Lutte contre le changement climatique'"),
(16,2443,"accepted","prose paragraph on the AMRF"),
(18,7135,"accepted","prose paragraph on South Korea"),
(20,6425,"rejected","blank line"),
(22,4485,"accepted","prose paragraph on cross-border cooperation (GECT)"),
(24,1192,"accepted","prose paragraph on the '1 %' financing"),
(26,7043,"accepted","prose paragraph on China"),
(28,9512,"accepted","prose paragraph on the Lebanon fund"),
(30,8589,"accepted","prose paragraph (Sites et Cités, Albania / North Macedonia)"),
(32,8647,"accepted","prose paragraph on Serbia"),
(34,9432,"accepted","prose paragraph on Iraq / Kurdistan"),
(36,7,"accepted","foreword prose (jumelages franco-allemands)"),
(38,584,"accepted","prose paragraph on the PAISD"),
(40,2718,"rejected","blank line"),
(42,3634,"accepted","prose paragraph on the shared language (Francophonie)"),
(44,2452,"rejected","part title 'Un catalogue de contacts et de projets…' (header)"),
(46,4857,"accepted","programme block text (Orléans–Parakou forest)"),
(48,1682,"rejected","map legend (RRMA names)"),
(50,8148,"accepted","prose paragraph on the Franco-British summit; 20th acceptance, stop"),
]
for k,l in [(52,4309),(54,4536),(56,5080),(58,6849),(60,9331)]:
    D.append((k,l,"not used","printed with the draw list but not needed: 20 lines already accepted at draw 50"))
json.dump([{"draw":k,"line":l,"decision":s,"reason":r} for k,l,s,r in D],open('query_draws.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
print(sum(1 for x in D if x[2]=="accepted"))
