import json
def R(fp,fpl,fa,gp,gpl,gc,ga,th,gl,doubtful=False,note=None):
    d={"french_party":fp,"french_place":fpl,"french_admin":fa,"foreign_party":gp,"foreign_place":gpl,"foreign_country":gc,"foreign_admin":ga,"theme":th,"guide_line":gl}
    if doubtful: d["doubtful"]=True
    if note: d["note"]=note
    return d
AIMF="French side is the AIMF, an international association based in Paris (RULES 4)"
AIRF="French side is the AIRF, an international association based in Lyon (RULES 4); the sentence is a cross-reference to a programme described on p. 43"
KAMP="bord de fenêtre: the clause starts in the window ('La capitale, Kampala', l. 5942) but the French cities are named only at l. 5946, outside the window (RULES 4: French party named only outside the window); 'a déjà noué des relations' taken as a stated city-to-city relation"
COPAM="programme block: destinations inside the window, but the cheffes de file (Arles and Sud-PACA, l. 9139-9141) are named only outside the window (RULES 4)"
rows={}
rows[255]=[R("Grand Angoulême","Angoulême","intercommunalité","la ville de Zapopan, au Mexique","Zapopan","Mexique","commune","industries culturelles et créatives, bande dessinée",255)]
rows[265]=[R("Le conseil régional de Bretagne","Rennes","région","la région Centre (Burkina-Faso)","Ouagadougou","Burkina Faso","région","filière coopérative maraîchère biologique en milieu périurbain",265,note="read as Bretagne with the Burkinabè région du Centre (chef-lieu Ouagadougou), not Centre-Val de Loire, as RULES 7 prescribes for this line")]
rows[403]=[R("Le conseil départemental de Loire-Atlantique","Nantes","département","les 18 communes du gouvernorat de Mahdia","Mahdia","Tunisie","gouvernorat","décentralisation, formation des secrétaires généraux des communes",403)]
rows[548]=[R("La Mission Bassin Minier (Nord-Pas de Calais)","Oignies","association","la province du Shanxi","Taiyuan","Chine","province","patrimoine minier et industriel, échanges d'expertise (gestion, protection, valorisation)",548,True,"the text states a 2019 meeting with Shanxi representatives 'afin d'organiser des échanges d'expertise' (intention, not yet a cooperation); French party is an association (Mission Bassin Minier), acting party; the general 'dont la Chine' at l. 545 is covered by this row")]
rows[3918]=[R("La ville de Nice","Nice","commune","Phnom Penh","Phnom Penh","Cambodge","commune","échanges de savoir-faire entre apprenties coiffeuses (CFA de Nice)",3918)]
rows[3923]=[R("Montreuil-sous-Bois","Montreuil","commune","le cercle de Yélimané (jeunes Maliens)","Yélimané","Mali","cercle","service civique, emploi tremplin des jeunes",3923)]
rows[4173]=[R("AIMF (programme « clés en main » proposé par l'AIMF)","Paris","association internationale","Brazzaville (Cercle culturel de Poto Poto)","Brazzaville","Congo (République du)","commune","réhabilitation et programmation du Cercle culturel de Poto Poto, industries culturelles et créatives",4173,True,AIMF+"; bord de fenêtre: the programme heading and 'proposé par l'AIMF' are at l. 4165-4168, outside the window, only the destination (Brazzaville, l. 4173) is inside; same programme as l. 5878-5889")]
rows[4271]=[R("Hérouville-Saint-Clair dans le Calvados","Hérouville-Saint-Clair","commune","sa ville partenaire Ahfir (Maroc)","Ahfir","Maroc","commune","accompagnement des personnes en situation de handicap, formation d'éducateurs spécialisés",4271)]
rows[5311]=[R("AIRF (programme sur l'électrification rurale)","Lyon","association internationale",c,None,c,"pays","électrification rurale",gl,True,AIRF) for c,gl in [("Burkina Faso",5312),("Mali",5313),("Mauritanie",5313),("Niger",5313),("Sénégal",5313)]]
rows[5798]=[R("AIMF (programme « clés en main » de l'AIMF)","Paris","association internationale","Cameroun","Yaoundé" if False else None,"Cameroun","pays","électrification durable des communes du Cameroun",5798,True,AIMF+"; the Ademe is also listed among the porteurs (l. 5805) but is a national State agency, not given a row")]
rows[5880]=[R("AIMF (programme « clés en main » de l'AIMF)","Paris","association internationale","Brazzaville (Congo)","Brazzaville","Congo (République du)","commune","culture, jeunesse, industries créatives; réhabilitation du Cercle culturel de Poto Poto",5880,True,AIMF+"; 'Association cheffe de file : AIMF' (l. 5890) is outside the window but the heading '« clés en main » de l'AIMF' (l. 5878) is inside")]
rows[5924]=[R("Le conseil régional d'Occitanie","Toulouse","région","le comté de Barringo","Kabarnet","Kenya","comté","gestion de l'eau et des déchets",5924,note="the guide spells Baringo 'Barringo'; Kabarnet is the county seat")]
rows[5926]=[R("La commune d'Alénya (66)","Alénya","commune","Kenya",None,"Kenya","pays","eau et déchets; échanges de jeunes et chantiers solidaires (AAP jeunesse VI, 2020)",5926)]
rows[5942]=[R(c,c,"commune","Kampala","Kampala","Ouganda","commune","relations de ville à ville (ville intelligente, développement durable)",5942,True,KAMP) for c in ("Strasbourg","Lyon","Nice")]
rows[7074]=[R("le conseil régional Auvergne-Rhône-Alpes","Lyon","région","le Hebei, province partenaire","Shijiazhuang","Chine","province","partenariat régional (le Hebei doit accueillir les Assises franco-chinoises 2021)",7074,note="statement at l. 7074, French party named at l. 7075; the Assises themselves (Toulouse 2018, hosted by Occitanie) are an event and get no row")]
rows[7680]=[R("la Fédération d'amitié franco-allemande pour l'Europe (FAFA)",None,"association (fédération de comités de jumelage)","son partenaire allemand (Vereinigung der deutsch-französischer Gesellschaften)",None,"Allemagne","association (fédération)","congrès annuel commun des associations d'amitié franco-allemande",7680,True,"both sides are associations (foreign side an organisation, RULES 4); the stated joint activity is an annual congress, close to the 'event' exclusion")]
rows[7772]=[R("la région Occitanie (eurorégion Pyrénées-Méditerranée)","Toulouse","région",g,p,"Espagne","communauté autonome","eurorégion Pyrénées-Méditerranée (créée en 2004), gouvernance commune",7775,note="sentence starts l. 7772, Occitanie named l. 7775") for g,p in [("la communauté autonome de la Catalogne","Barcelone"),("la communauté autonome des îles Baléares","Palma")]]
rows[7782]=[R("la région Nouvelle-Aquitaine (eurorégion Nouvelle-Aquitaine-Euskadi-Navarre)","Bordeaux","région",g,p,"Espagne","communauté autonome","eurorégion créée en 2011, grands projets transfrontaliers",7782) for g,p in [("Euskadi","Vitoria-Gasteiz"),("Navarre","Pampelune")]]
rows[8778]=[R("le conseil régional d'Île-de-France","Paris","région","la ville d'Erevan","Erevan","Arménie","commune","urbanisme, mobilité, déchets solides (FICOL de l'AFD)",8778)]
rows[9034]=[R("association Vitagora","Dijon","association (pôle de compétitivité)","la ville de Vinnytsia","Vinnytsia","Ukraine","commune","eau, agriculture durable, pôle de compétitivité agro-alimentaire",9034,note="bord de fenêtre: programme block whose destination line (l. 9029) is outside the window; inside the window the porteur (l. 9034) and the project text naming 'la ville de Vinnytsia' (l. 9042-9043) state the pair, so the row is kept at the in-window porteur line and not marked doubtful (unlike the earlier sample, where Vitagora was outside the window)")]
rows[9132]=[R(fp,fpl,fa,g,p,c,"commune","patrimoine, projet de patrimoines méditerranéens (COPAM)",gl,True,COPAM) for fp,fpl,fa in [("Arles","Arles","commune"),("conseil régional de Sud-Provence-Alpes-Côte d'Azur","Marseille","région")] for g,p,c,gl in [("tipaza (Algérie)","Tipaza","Algérie",9132),("Sfax (tunisie)","Sfax","Tunisie",9132),("matera (italie)","Matera","Italie",9133)]]
W=json.load(open('/work/unseen-s9/windows_A.json'))
allrows=[];wa=[]
notes={
255:"Nice exporting its carnival (l. 260) has no foreign partner: no row.",
397:"Chatte (Isère)–Zivinice (Bosnie-Herzégovine) is named at l. 391-393, before the window; only the end of the sentence is inside: not counted (RULES 6).",
534:"Choisy-le-Roi–Hanoï twinning (l. 528-530) is before the window: not counted. Hauts-de-France is only the policy frame of the Mission Bassin Minier, not named as partner of Shanxi: no row for the region.",
683:"", 1200:"", 1810:"", 1902:"Groupes-pays of CUF (Burkina Faso, Mali, Mauritanie, Niger): no French collectivité paired: no row.",
2033:"Platforma members (Sud-PACA, Nantes Métropole, Paris) are network members, no foreign partner: no row.",
2138:"", 2193:"", 2222:"International networks (Eurocities, Energy Cities, AVEC...) only: no row.",
2425:"Occitanie with the Moroccan regional councils (l. 2421-2423) is before the window: not counted.",
2675:"", 2742:"Ademe Nouvelle-Aquitaine with RRMA So-Coopération (l. 2761): two French parties, no row.", 2775:"", 2814:"AIMF 'clés en main' programme with 'Pays de destination : tous pays membres de l'AIMF' (l. 2833): generic 'all member countries', no row (RULES 3). Metropolitan water funds (SEDIF, Paris, Grand Lyon, Aix-Marseille, Bordeaux) have no foreign partner.",
3239:"", 3291:"", 3710:"", 3852:"", 3918:"",
4173:"Lamentin–Santiago de Cuba (l. 4158-4160) is before the window: not counted.",
4258:"", 4752:"", 4934:"",
5294:"The FMDV 'clés en main' programme block: its destinations (UEMOA zone, Bénin, Burkina Faso, Mali, Côte d'Ivoire, Niger, Sénégal, Togo, l. 5288-5292) are named before the window; only the porteur line is inside: not counted. The five AIRF rows come from the cross-reference at l. 5311-5313.",
5796:"", 5865:"",
5923:"Paris–Nairobi (l. 5921-5922): the pair is named entirely before the window (only the theme continues at l. 5923): not counted (RULES 6).",
6507:"SALC (Semaine de l'Amérique latine et des Caraïbes): Bordeaux Métropole, Occitanie and Toulouse organise events in France, no foreign partner: no row.",
7064:"Assises franco-chinoises hosted by Occitanie in Toulouse (2018): event, no row (RULES 3).",
7594:"AFCCRE/OFAJ support to 'communes jumelées avec l'Allemagne' names no commune: no row.",
7673:"", 
7764:"'Les régions frontalières coopèrent... Communauté de travail des Pyrénées' names no region: no row. Eurocité basque Bayonne–San Sebastián is at l. 7785-7786, after the window: not counted.",
8164:"Franco-British summit: no named pair: no row.",
8634:"Serbian cities (Belgrade, Novi Sad, Nis, Kragujevac) with unnamed French cities: no French party: no row.",
8772:"Bordeaux–Bakou (Azerbaïdjan, l. 8795) is after the window: not counted.",
9032:"Triangular programmes with Poland and Ukraine: Orléans and Tours are venues of meetings organised by AFCCRE, Platforma and DAECT, not partners: no row.",
9119:"COPAM description (l. 9116-9126) names no French party.",
9955:"Glossary: no row."}
for w in W:
    s,e=w['start'],w['end']
    idx=[];nd=0
    for k in sorted(rows):
        if s<=k<=e:
            for r in rows[k]:
                assert s<=r['guide_line']<=e,(r,s,e)
                idx.append(len(allrows)); allrows.append(r); nd+=r.get('doubtful',False)
    wa.append({"start":s,"end":e,"rows":idx,"doubtful":nd,"note":notes.get(s,"")})
used=sum(len(v) for v in rows.values()); assert used==len(allrows),(used,len(allrows))
json.dump(allrows,open('/work/unseen-s9/A/partnerships.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
json.dump(wa,open('/work/unseen-s9/A/windows_annotated.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
print(len(allrows),sum(r.get('doubtful',False) for r in allrows),sum(1 for w in wa if w['rows']))
for w in wa: print(w['start'],w['rows'],w['doubtful'])
