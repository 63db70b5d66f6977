import json
def R(fp,fpl,fa,op,opl,oc,oa,th,gl,d=False,note=None):
    r=dict(french_party=fp,french_place=fpl,french_admin=fa,foreign_party=op,foreign_place=opl,foreign_country=oc,foreign_admin=oa,theme=th,guide_line=gl)
    if d: r["doubtful"]=True
    if note: r["note"]=note
    return r
rows=[
R("la commune martiniquaise du Lamentin","Le Lamentin (Martinique)","commune","la ville cubaine de Santiago","Santiago de Cuba","Cuba","commune","pratique artistique, culturelle et linguistique dans les crèches et écoles (ADELANTE 2.0, LEKOL ART)",4158),
R("Limoges","Limoges","commune","Icheon en Corée du Sud","Icheon","Corée du Sud","commune","villes créatives UNESCO, céramique : échanges culturels, universitaires, économiques et touristiques",4360,note="sentence starts l. 4360, Icheon l. 4361, Limoges l. 4362"),
]
sc="Sites et Cités remarquables de France"
for c,gl in [("Macédoine du Nord",4369),("Roumanie",4369),("Croatie",4369),("Bulgarie",4370),("Mali",4370)]:
    rows.append(R(sc,None,"association nationale",c,None,c,"pays","patrimoine (projets menés par l'association)",4368,True,
      "French side is a national association of heritage towns; countries given only as places where its projects were carried out (\"projets menés en ...\", in parentheses), close to 'areas of intervention'; country named l. %d"%gl))
rows+=[
R("l'AVITEM (programme mutualisable proposé par l'AVITEM)","Marseille","agence / groupement public (GIP)","le projet « Ksar Tafilelt » en Algérie","Ksar Tafilelt (Beni Isguen, Ghardaïa)","Algérie","ksar / écocité","écocités résilientes en milieu désertique ou aride (programme mutualisable)",4094,
  note="programme block: proposer AVITEM l. 4092, destination l. 4094; kept as a French public body leading a programme (rule 1); Marseille seat from general knowledge"),
R("l'AIMF (programme « clés en main »)","Paris","association internationale de maires","Cercle culturel de Poto Poto, Brazzaville","Brazzaville","République du Congo","commune","réhabilitation et programmation du Cercle culturel de Poto Poto, industries culturelles et créatives",4171,True,
  "AIMF is an international association based in Paris (rule 4); bord de fenêtre: Poto Poto l. 4171 in window, Brazzaville / République du Congo l. 4173-4174 just outside"),
R("la Région Bretagne","Rennes","région","la région Centre du Burkina Faso","Ouagadougou","Burkina Faso","région","filière maraîchère coopérative, stockage et conservation, sécurité alimentaire",5479,
  note="project heading l. 5479-5480; the matching programme block (destination l. 5497) is outside the window"),
R("Assemblée des départements de France (porteur)","Paris","association nationale d'élus (départements)","Gyumri","Gyumri","Arménie","commune","démocratie participative (programme « clés en main »)",8732,
  note="programme block: villes de destination l. 8732, porteur ADF l. 8735"),
R("Assemblée des départements de France (porteur)","Paris","association nationale d'élus (départements)","Vanadzor","Vanadzor","Arménie","commune","démocratie participative (programme « clés en main »)",8732,
  note="programme block: villes de destination l. 8732, porteur ADF l. 8735"),
R("l'AFCCRE","Orléans","association nationale de collectivités","ses homologues roumains (associations de collectivités)",None,"Roumanie","association de collectivités","échanges, nouvelles idées de coopération trinationale France-Roumanie-Moldavie",8921,True,
  "foreign side is an organisation (Romanian associations of local authorities, cf. rule 4); only 'échanges' that launched ideas; the Moldova part and the CALM/ACoR partnership are stated after the window (l. 8923-8930); window ends l. 8921"),
R("l'association « Initiatives France-Europe Centrale et Orientale (IFECO) »",None,"association","Hongrie",None,"Hongrie","pays","coopération décentralisée avec la Hongrie portée par l'association",7810,True,
  "bord de fenêtre: 'La coopération décentralisée avec la Hongrie est' l. 7810 is the window's last line; the French party (IFECO) is named only at l. 7811, outside the window (like Vitagora–Vinnytsia)"),
R("la métropole Nice Côte d'Azur","Nice","intercommunalité (métropole)","Italie (coopération transfrontalière)",None,"Italie","pays","schéma de coopération transfrontalière (loi MAPTAM)",7882,True,
  "foreign party not named in the sentence; Italy is implicit from the section (9.5 Italie) and the preceding Interreg lines; it is a duty to draw up a scheme rather than a stated partnership"),
]
json.dump(rows,open("partnerships.json","w"),ensure_ascii=False,indent=1)
for i,r in enumerate(rows): print(i,r["french_party"][:30],r["foreign_country"],r["guide_line"],r.get("doubtful",False))
