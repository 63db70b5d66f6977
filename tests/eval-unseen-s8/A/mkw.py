import json
rows=json.load(open("partnerships.json"))
W=json.load(open("../windows_A.json"))
notes={
817:"Grenoble exchanges with unnamed 'partenaires étrangers' (l. 828-832): no foreign party, no row. Seine-Saint-Denis/Tokyo (l. 813-816) is before the window.",
1167:"legal/financing text, no pair",
1379:"DAECT EXPE-CT description, no pair",
1619:"CNCD atlas, no pair",
1759:"Parliament/Senate, no pair",
1801:"choosing a theme, no pair",
1987:"training (CNFPT, ARRICOD, CUF DCOL), no pair; Tours is a venue",
2132:"CUF activities, RAICT venue Paris, no pair",
2302:"AIRF offers to co-build projects 'avec le Sahel' (l. 2308-2311): international association + a region of the world + an offer, not a stated pair; excluded. Platforma network, no pair",
2432:"APVF, AMRF, no pair",
2637:"table of contents of Part III, no pair",
3161:"Année franco-chinoise du tourisme culturel (State-level event); 2019 seminars 'avec le Maroc et les territoires palestiniens' (l. 3172-3174) name no French party: no row",
3599:"generic list of francophone countries (Sénégal, Madagascar, Haïti, Burkina Faso) with no named French party: no row (rule 3)",
3683:"EXPE-CT programme description, no pair",
3747:"PNUD ART initiative, no pair",
3813:"DAECT youth AAP partners; franco-German volunteering for twinned collectivités is generic (no named party): no row",
4088:"AVITEM programme block, destination Algeria / Ksar Tafilelt: 1 row",
4153:"Lamentin–Santiago (Cuba) l. 4158: 1 row. AIMF programme Poto Poto (Brazzaville just outside, l. 4173): 1 doubtful row. Cergy-Pontoise–Porto-Novo (l. 4143-4144) is named before the window: not counted",
4358:"Limoges–Icheon: 1 row. Sites et Cités remarquables de France with 5 countries in parentheses: 5 doubtful rows",
4533:"urbanisation, Sommet Afrique-France (Ouagadougou = venue), no pair",
5022:"Senegal country page: workshops in northern Senegal, Senegalese collectivités wishing partners: no French party, no row",
5463:"Burkina Faso statistics (no pair); Bretagne–région Centre (Burkina Faso) project heading l. 5479: 1 row",
6483:"Semaine de l'Amérique latine, no pair",
6677:"AL-LAs network (Mexico, Lima, Quito... with Cités Unies France and FAMSI as members) and ARRICOD collaborating with the network: network membership, not a stated pair; no row",
6841:"list of Argentine municipalities (Bariloche, Melincué, Venado Tuerto) wishing French partners (heading l. 6767-6770): no French party, no row",
7019:"contacts; China section intro (generic franco-chinese cooperation): no row",
7698:"contacts; Croatia intro (generic): no row",
7791:"Puigcerdà cross-border hospital run by Generalitat de Catalogne and the French Ministry of Health: State body, no French collectivité, no row. Hongrie/IFECO l. 7810-7811 crosses the window end: 1 doubtful row",
7870:"Interreg Alcotra and Interreg Italie-France Maritime (zone incl. Corse, Sardaigne, Ligurie, Toscane, Var, Alpes-Maritimes): EU programme areas, not stated pairs, no row. Métropole Nice Côte d'Azur cross-border scheme (Italy implicit): 1 doubtful row. Pologne l. 7888-7889: generic, no row",
8144:"Franco-British summits (State-level events), no row",
8729:"ADF 'clés en main' programme, villes de destination Gyumri, Vanadzor: 2 rows",
8902:"Moldovan municipalities (Balti, Straseni, Sestaci, Toceni) wishing cooperation with 'la France': no French party, no row. AFCCRE with Romanian counterparts l. 8920-8921: 1 doubtful row",
8946:"Année franco-russe (State-level), page furniture: no row",
8991:"Russia contacts; Ukraine intro (generic): no row",
9234:"AVEC network labelled EXPE-CT: no pair",
9851:"conclusion and glossary heading: no pair",
}
out=[]
for w in W:
    s,e=w["start"],w["end"]
    idx=[i for i,r in enumerate(rows) if s<=r["guide_line"]<=e]
    out.append(dict(start=s,end=e,rows=idx,doubtful=sum(1 for i in idx if rows[i].get("doubtful")),note=notes[s]))
json.dump(out,open("windows_annotated.json","w"),ensure_ascii=False,indent=1)
print(len(out),sum(len(o["rows"]) for o in out),sum(o["doubtful"] for o in out),sum(1 for o in out if o["rows"]))
