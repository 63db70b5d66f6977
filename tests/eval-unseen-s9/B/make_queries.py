import json
L=open('/work/shared/guide/guide.txt',encoding='utf-8').read().split('\n')
Q=[
(1160,"quelle durée pour une convention de coopération décentralisée ?","question",[("Le cas échéant sa durée, qui peut être",1158),("indéterminée ou assortie d’une faculté",1159),("Les conventions obéissent à un",1144)]),
(9192,"interreg europe infrastructures vertes et bleues","keywords",[("un projet européen sur les infrastructures vertes et",9189),("bleues, dans le cadre du programme interreg europe",9190),("et d’expertise locale ou régionale, les collectivités",9192)]),
(3834,"Franco-German youth volunteering twinned towns civic service","english",[("À noter, également, le volontariat franco-allemand",3831),("des territoires permettant aux collectivités jumelées",3832),("service civique (voir rubrique 9.1 sur l’Allemagne,",3834)]),
(2158,"CCRE","acronym",[("régions d’europe (CCre), fondé en 1951, qui est la",2153),("de gouvernements locaux et régionaux de 41 pays",2157),("européens et représente, à travers elles, tous les niveaux",2158)]),
(3188,"comités régionnaux du tourisme Atout France","typo",[("Les comités régionaux du tourisme, ainsi que l’opérateur",3188),("Atout France, peuvent devenir partenaires de",3189)]),
(8247,"programme droits et valeurs budget 2021-2027","keywords",[("proposant un budget total de 1,627 milliard d’euros",8246),("pour la période 2021-2027 alors que la Commission",8247),("moyens très importants à ce nouveau programme en",8245)]),
(2443,"AMRF","acronym",[("L’Association des maires ruraux de France (AMRF) a",2440),("peut avoir d’excellentes coopérations pour un montant",2442),("inférieur à 5 000 euros, à condition d’adapter le système",2443)]),
(7135,"coopération décentralisée Corrée du Sud","misspelt country",[("Si les liens entre la France et la Corée sont anciens,",7130),("encore peu développée, mais ses quelques partenariats",7133),("anciens et solides témoignent d’opportunités",7134)]),
(4485,"groupements europeens de cooperation territoriale","no-accent",[("gouvernance transfrontalière comme les groupements",4485),("européens de coopération territoriale (GECT) sont",4486),("également prévus (règlement Ce no 1082/2006).",4487)]),
(1192,"comment utiliser le 1 % eau et assainissement pour financer la coopération internationale ?","question",[("il s’agit de procédures permettant de financer sur une",1189),("d’affecter jusqu’à 1 % de ce produit à des actions de",1192),("la loi « Oudin-Santini » du 27 janvier 2005, sur l’eau",1196)]),
(7043,"montage projet coopération Chnie","misspelt country",[("Le montage d’un projet de coopération avec la Chine",7042),("nécessite un travail important en amont pour mettre en",7043),("place un partenariat équilibré porteur de réciprocité. La",7044)]),
(9512,"Lebanon decentralised cooperation support fund call for projects","english",[("Un fonds d’appui à la coopération décentralisée",9512),("franco-libanaise a été créé, en 2016, assorti d’un AAP",9513),("les collectivités territoriales libanaises La 3e tranche de",9518)]),
(8589,"tourisme patrimonial Albanie Macedoine du Nord cles en main","no-accent",[("en 2020, Sites et Cités remarquables lance un",8588),("développement du tourisme patrimonial durable en",8590),("Albanie et en Macédoine du Nord (voir page 107).",8591)]),
(8647,"ambassade Serbie ateliers collectivités serbes partenariats","keywords",[("l’ambassade participe régulièrement à des ateliers",8647),("de sensibilisation des collectivités serbes sur des",8648),("qui souhaiteraient se lancer dans des partenariats",8652)]),
(9432,"Ile-de-France Iraqi Kurdistan cooperation agreement","english",[("active en irak, porte politiquement et financièrement",9429),("2019, et vient de signer un accord de coopération avec",9431),("le Gouvernement régional du Kurdistan irakien. Les",9432)]),
(7,"villes sœurs réconciliation franco-allemande","synonym",[("partenaires. Les jumelages entre villes",7),("françaises et allemandes dans les années",8),("1950 ont scellé la réconciliation franco-",9)]),
(584,"diaspora sénégalaisse projets de développement","typo",[("Le PAIsD (programme d’appui aux initiatives de",581),("diaspora sénégalaise pour participer à des projets de",583),("développement, avec le soutien du gouvernement",584)]),
(3634,"nos agents doivent-ils parler une langue étrangère pour coopérer ?","question",[("La langue que nous avons en commun facilite les",3630),("territoriaux n’ont pas besoin de maîtriser une langue",3633),("étrangère pour permettre à votre collectivité de",3634)]),
(4857,"forêt Parakou charte forestière","keywords",[("de la forêt de Parakou au Bénin, d’abord par un",4857),("diagnostic sous la forme d’une Charte forestière des",4858),("mutualisable – Orléans et Parakou",4840)]),
(8148,"partenariats villes franco-britanniques Sandhurst","keywords",[("Le Sommet franco-britannique de Sandhurst, en 2018, a",8144),("entre nos villes et nos régions, afin de soutenir une",8148),("des élus territoriaux France-Royaume-Uni » organisé à",8155)]),
]
out=[]
for drawn,q,cat,frs in Q:
    for f,l in frs:
        assert len(f)>=25,(f,len(f))
        assert f in L[l-1],(f,l,L[l-1])
    out.append({"q":q,"category":cat,"must_find":[f for f,_ in frs],"guide_lines":[l for _,l in frs],"drawn_line":drawn})
json.dump(out,open('/work/unseen-s9/B/queries.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
from collections import Counter
print(Counter(x['category'] for x in out), len(out))
