import json,subprocess
G='/work/shared/guide/guide.txt'
L=open(G,encoding='utf-8').read().split('\n')
Q=[
(769,"Agenda 2030 17 ODD 169 cibles","keywords",[(770,"2015, 193 États, réunis au sein de l’Assemblée générale"),(773,"sociétés. intitulé Agenda 2030, ce cadre mondial fixe"),(775,"169 cibles à atteindre d’ici 2030")],None),
(1089,"Une collectivité peut-elle signer une convention avec un État étranger ?","question",[(1089,"sont leurs homologues, les autorités locales ou entités"),(1091,"conventions avec les « États étrangers » (au sens d’États"),(1097,"souverains) sont interdites par principe, même si la loi du")],None),
(3871,"coopération éducative enseignement technique agricole hôtelier pays francophones","keywords",[(3867,"La coopération éducative, notamment dans les"),(3869,"hôtelier, peut être aussi un thème de coopération en"),(3871,"décentralisée, spécialement dans les pays francophones")],None),
(892,"benefice expertise territoriale notoriete ville patrimoniale","no-accent",[(888,"Le bénéfice à tirer de l’expertise territoriale, c’est"),(892,"la dAeCt, voir page 24) ; la possibilité de mettre en"),(895,"ville patrimoniale, ville verte …) ; l’élément de notoriété")],None),
(4340,"migration diaspora study French local authorities","English",[(4338,"égard, l’AFD finance actuellement une étude sur"),(4340,"dans le domaine des migrations. elle doit permettre"),(4342,"notamment celles menées avec les associations de")],None),
(8548,"Kossovo coopération régionale Balkans","misspelt country",[(8546,"Bien que la non-reconnaissance du Kosovo par la"),(8548,"problèmes protocolaires pour sa participation à des"),(8554,"activités organisées à l’échelle de la région des Balkans")],None),
(8374,"RYCO appels à projets","acronym",[(8369,"entre jeunes de la région, mis en place par des onG"),(8370,"et lycées que rYCo subventionne via des AAP. Les"),(8373,"700 projets présentés, associant plus de 2 000 onG et")],None),
(307,"destination bleue d'exellence écotourisme Martinique","typo",[(307,"La communauté d’agglomération sud"),(311,"mené un projet « Destination bleue d’excellence » pour"),(312,"promouvoir l’écotourisme maritime dans les Antilles,")],None),
(8351,"Sites et Cités remarquables patrimoine Albanie Macédoine","keywords",[(8336,"Villes de destination : Bitola, Vélès, ohrid, Krusevo ;"),(8338,"(macédoine du nord) ; Berat, Korça, elbasan"),(8345,"Porteur : association Sites et Cités remarquables de")],"drawn line 8351 is the budget bullet of this programme block; the query targets the block"),
(6668,"Guyane frontière Brezil Suriname","misspelt country",[(6666,"La France appartient elle-même à l’Amérique du Sud"),(6669,"frontière terrestre de la France : plus de 700 km avec"),(6671,"terrestre avec le Suriname sur le fleuve maroni")],None),
(2409,"PFVT","acronym",[(2400,"France Urbaine a conclu avec le meAe une convention"),(2407,"contribué à la préparation du Forum urbain mondial"),(2409,"Partenariat français pour la ville et les territoires (PFVt)")],None),
(3729,"demand for French local government expertise abroad","English",[(3725,"L’expertise territoriale fait l’objet d’une forte"),(3729,"de décentralisation et des nouvelles compétences"),(3733,"et de leurs experts est forte. Expertise France et")],None),
(3816,"Quels sont les partenaires de la DAECT pour l'AAP jeunesse ?","question",[(3810,"a pour partenaires le ministère de l’Éducation nationale"),(3813,"l’Agence du service civique, l’Agence erasmus + Jeunesse"),(3816,"par les collectivités territoriales engagent le plus souvent")],None),
(9311,"restauration Casbah d'Alger Île-de-France","synonym",[(9310,"conseil régional Île-de-France s’est engagé, après la"),(9311,"visite de sa présidente en 2018, pour la rénovation de la"),(9312,"Casbah d’Alger. dunkerque, Lille ainsi que Lyon ont des")],"'restauration' is not in the passage, which says 'rénovation'"),
(5074,"commune Golfe 3 Lomé partenariat","keywords",[(5072,"Cette commune de Lomé nouvellement créée est"),(5074,"institutions (Présidence, Assemblée nationale,"),(5080,"possibilités offertes par la commune de Golfe 3")],None),
(5124,"Aneho ville durable reforestation Togo","no-accent",[(5124,"Le maire d’Aného souhaiterait également faire de sa"),(5125,"commune un modèle de ville durable et verte au togo."),(5126,"il envisage en ce sens des projets de reforestation.")],None),
(2367,"Quelles associations de collectivités siègent à la CNCD ?","question",[(2367,"d’entre elles, à savoir l’Association des maires de France"),(2371,"et régions de France (rdF), siègent au sein de la CnCd."),(2372,"toutes ces associations ont conclu avec le meAe")],None),
(1331,"appel à propostions associations projets clés en main","typo",[(1331,"un appel à propositions « associations »"),(1333,"« projets clés en main » d’un accès"),(1334,"facile pour les collectivités territoriales")],None),
(4614,"EU call for proposals winners Bordeaux Douala","English",[(4615,"françaises ont été lauréates de l’appel"),(4618,"Bordeaux avec Douala (Cameroun), Grand Paris"),(4620,"avec Nouakchott (Mauritanie) et Strasbourg avec")],None),
(6333,"fonds franco-québécois coopération décentralisée","keywords",[(6333,"rencontres alternées entre les Premiers ministres fixant"),(6337,"le Fonds franco-québécois pour la coopération"),(6338,"décentralisée (FFQCD) – avec un AAP lancé tous les")],None),
]
out=[];bad=0
for drawn,q,cat,mf,note in Q:
    for ln,fr in mf:
        if len(fr)<25: print('SHORT',ln,fr); bad+=1
        if fr not in L[ln-1]: print('NOTIN',ln,repr(fr),'|',repr(L[ln-1])); bad+=1
        r=subprocess.run(['grep','-nF',fr,G],capture_output=True,text=True).stdout
        if not r: print('GREPFAIL',fr); bad+=1
    d={"q":q,"category":cat,"must_find":[f for _,f in mf],"guide_lines":[l for l,_ in mf],"drawn_line":drawn}
    if note: d["note"]=note
    out.append(d)
print('bad',bad)
from collections import Counter; print(Counter(d['category'] for d in out), len(out))
if not bad:
    json.dump(out,open('/work/unseen-s9/A/queries.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
