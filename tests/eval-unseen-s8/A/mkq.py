import json,subprocess
G="/work/shared/guide/guide.txt"
Q=[
# draw, line, q, category, [fragments], note
(1,7921,"assises franco-polonaises Pologe 2021","misspelt country",["Les prochaines assises devraient se dérouler, en Pologne,","des Assises de la coopération franco-polonaises"],None),
(5,4778,"Les communes béninoises peuvent-elles nouer un partenariat avec une collectivité française ?","question",["dans le cadre de la solidarité intercommunale, d’entrer","en partenariat avec des collectivités territoriales","Avec 30 coopérations décentralisées actives en 2019, les"],None),
(9,3480,"biodiversity desertification calls for projects","English",["La biodiversité et la lutte contre la désertification (cf. le","climat ») sont des thèmes très présents dans les AAP du"],None),
(13,7918,"assises franco polonaises saint brieuc cotes d armor","no-accent",["de la dAeCt, du 27 au 29 juin 2018 à Saint-Brieuc à","l’invitation du conseil départemental des Côtes-d’Armor."],None),
(15,5532,"COPRA","acronym",["CoPrA, « Coopérer Pour réussir l’Avenir », est un","il est coordonné par le rrmA Bourgogne-Franche-Comté","est en cours d’élaboration pour le Burkina Faso, sous la"],None),
(17,8103,"concours collectivités Roumamie lauréats Iasi Dijon","misspelt country",["premières éditions, les lauréats (municipalité de iaşi en","municipalités de Piatra neamț et d’Alba iulia en 2018)","françaises partenaires du concours (dijon en 2019 ;"],None),
(19,2343,"CGLU","acronym",["CGLU – Cités et Gouvernements locaux unis, association","démocratique. CGLU possède des branches par","pays. Cités Unies France est membre fondateur de"],None),
(21,4963,"Ghana décentralisation référendum réforme constitution","keywords",["été organisé fin décembre 2018 avec la création de six","président Akufo-Addo a annoncé que la réforme de la","large « consensus national entre les principaux acteurs et"],None),
(27,4264,"intégrer les personnes marginalisées grâce au volontariat","synonym",["notamment par le biais du volontariat, d’intégrer des","catégories de citoyens habituellement peu sollicitées"],"synonym: 'marginalisées' (not in the passage) for 'catégories de citoyens habituellement peu sollicitées'"),
(31,3385,"smart city study trip Saudi Arabia","English",["mars 2021 un voyage en Arabie saoudite sur le thème","des « smart cities » et de la ville durable : voir page 118,"],None),
(33,4828,"Sèmè City énergies renouvelables écoconstruction","keywords",["Le projet « Sèmè City, ville intelligente et durable »","vise à promouvoir les énergies renouvelables et","medee à Lille et le cluster Énergie de Sèmè City, et"],None),
(35,7778,"Combien d'habitants compte l'eurorégion Pyrénées-Méditerranée ?","question",["L’eurorégion Pyrénées-méditerranée, créée en 2004,","avec 14 millions d’habitants et 13,2 % de la population"],None),
(37,7158,"Corée ville intelligente numérique partenariats collectivités","keywords",["Les collectivités coréennes disposent des moyens et des","ou la coopération linguistique, la ville intelligente et le","numérique (incubateurs, administration numérique, iA…)."],None),
(39,7864,"coopération transfrontalière maritme Corse Sardaigne","typo",["mais comporte également un volet maritime entre la","Corse et la Sardaigne. deux programmes européens"],None),
(41,6599,"hospital beds Cuba Brittany covid","English",["hôpitaux publics de Bretagne ont permis d’acheminer","vers des établissements de santé cubains des centaines","de lits médicalisés qui se sont révélés très utiles dans"],None),
(47,3900,"seine maritime chambery ouahigouya jeunes burkinabes","no-accent",["seine-Maritime et la ville de Chambéry","coopèrent avec la communauté de communes de Bam","et la commune de Ouahigouya au Burkina Faso. Le projet"],None),
(49,7892,"Pologne jumelages powiats voïvodies","keywords",["Avec près de 300 partenariats répertoriés à ce jour,","Ces liens se traduisent par de nombreux jumelages entre","et régions / powiats et voïvodies."],None),
(51,4431,"Quelle région veut étendre le label Génération 2024 à ses coopérations internationales ?","question",["au label « Génération 2024 » lancé en 2017 par les","l’association sportive scolaire et le club, le conseil régional","envisage d’étendre son expérience à ses coopérations"],None),
(53,4617,"lauréats appel à propositions Commission européenne 2019 Bordeaux Douala","keywords",["à propositions de la Commission","Bordeaux avec Douala (Cameroun), Grand Paris","avec Nouakchott (Mauritanie) et Strasbourg avec"],None),
(55,3344,"rapport villes inteligentes partagées CNCD","typo",["rapport : « Vers un modèle français des villes intelligentes","dotée en 2016 d’un groupe de travail qui a élaboré un"],None),
]
L=open(G,encoding="utf-8").read().split("\n")
out=[]
for d,l,q,c,fr,note in Q:
    gl=[]
    for f in fr:
        assert len(f)>=25,(f,len(f))
        r=subprocess.run(["grep","-nF",f,G],capture_output=True,text=True).stdout.strip().split("\n")
        assert r!=[''],f
        ln=[int(x.split(":")[0]) for x in r]
        if len(ln)>1: print("multi",f,ln)
        gl.append(min(ln,key=lambda x:abs(x-l)))
    e=dict(q=q,category=c,must_find=fr,guide_lines=gl,draw=d,drawn_line=l)
    if note: e["note"]=note
    out.append(e)
json.dump(out,open("queries.json","w"),ensure_ascii=False,indent=1)
from collections import Counter; print(Counter(e["category"] for e in out), len(out))
