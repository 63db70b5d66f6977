import json
R=[]
def r(fp,fpl,fa,op,opl,oc,oa,th,gl,doubt=None,note=None):
    d=dict(french_party=fp,french_place=fpl,french_admin=fa,foreign_party=op,foreign_place=opl,foreign_country=oc,foreign_admin=oa,theme=th,guide_line=gl)
    if doubt: d["doubtful"]=True
    if note: d["note"]=note
    R.append(d); return len(R)-1
W={}
def w(s,rows,note=""):
    W[s]=(rows,note)
# 196
a=r("la communauté de communes de Puisaye-Forterre dans l'Yonne","Saint-Sauveur-en-Puisaye","intercommunalité","la municipalité libanaise de Khenchara","Khenchara","Liban","commune","valorisation économique et touristique des monuments historiques (mission de conseil)",205)
b=r("La commune de Le Favril, dans le Nord","Le Favril","commune","Saint-Camille, au Québec","Saint-Camille","Canada (Québec)","commune","dynamisme culturel local (coopération trilatérale avec Faux-la-Montagne)",214,note="bord de fenêtre: the sentence starts at l. 214-215 inside the window, Saint-Camille is named at l. 216 just outside")
w(196,[a,b],"Excluded: Faux-la-Montagne–Saint-Camille (trilateral partner of the same sentence) is named only at l. 216, outside the window; Le Favril–Faux-la-Montagne is two French parties.")
# 319
a=r("Le Grand Lyon","Lyon","intercommunalité","la ville de Rabat","Rabat","Maroc","commune","transports, création du tramway de Rabat-Salé (2008-2011)",326)
b=r("Lyon Métropole","Lyon","métropole","le groupement de communes Al Assima","Rabat","Maroc","groupement de communes","plan de mobilité urbaine durable et développement du tramway de Rabat-Salé-Témara (FICOL AFD 2019)",331,note="kept separate from Grand Lyon–Rabat because the foreign party differs (groupement de communes Al Assima); the Société du Tramway de Rabat-Salé, a company, gets no row")
w(319,[a,b],"Société du Tramway de Rabat-Salé (company) not counted.")
# 371
a=r("le conseil départemental du Nord","Lille","département","La ville de Montréal","Montréal","Canada (Québec)","commune","lutte contre le décrochage scolaire par le théâtre d'improvisation",375)
w(371,[a],"Lines 371-373 are the end of the Lescar–Testour sentence (l. 366-368), named outside the window: not counted. AIMF/Metropolis Covid platforms (l. 381-386): no pair.")
# 433
a=r("La commune de Moncoutant dans les Deux-Sèvres","Moncoutant","commune","Boromo","Boromo","Burkina Faso","commune","micro-crédits, transition économique (ODD 1)",434)
b=r("La commune de Moncoutant dans les Deux-Sèvres","Moncoutant","commune","Oury","Oury","Burkina Faso","commune","micro-crédits, transition économique (ODD 1)",434)
w(433,[a,b],"")
w(623,[],"Lines 623-624 end the Évry-Courcouronnes–YMCA Québec sentence (l. 616-618), named outside the window: not counted.")
a=r("La commune du Soler située dans les Pyrénées-Orientales","Le Soler","commune","le département de Rufisque Est","Rufisque","Sénégal","département","préservation de la ressource en eau, agriculture sous serre photovoltaïque, tri et valorisation des déchets",904)
w(891,[a],"")
w(1143,[],"Generic text on conventions.")
w(1471,[],"FICOL/EU calls only; Bordeaux Métropole–Douala/Yaoundé starts at l. 1491-1493, outside the window.")
w(1557,[],"RRMA and DAECT description, no pair.")
w(1579,[],"")
w(1695,[],"Map legend of RRMA names (Corse, Karib Horizon, Guyane…), no pair.")
w(2273,[],"AIMF–UE / Gates Foundation alliances and AIRF description: no French–foreign collectivité pair.")
# 2517 table of associations' programmes
a=r("Pays de la Loire Coopération Internationale (RRMA)","Nantes","RRMA (association)","Madagascar",None,"Madagascar","pays","eau / assainissement (programme « clés en main »)",2518)
b=r("Lianes Coopération (RRMA Hauts-de-France)","Lille","RRMA (association)","Pologne",None,"Pologne","pays","implication de jeunes pour développer des jumelages (programme « clés en main »)",2523)
c=r("Sites et Cités remarquables de France","Bordeaux","association","Albanie",None,"Albanie","pays","préservation et valorisation du patrimoine (programme « clés en main »)",2528,note="seat Bordeaux from my own knowledge, not from the guide")
d=r("Sites et Cités remarquables de France","Bordeaux","association","Macédoine du Nord",None,"Macédoine du Nord","pays","préservation et valorisation du patrimoine (programme « clés en main »)",2528,note="seat Bordeaux from my own knowledge, not from the guide")
e=r("Assemblée des départements de France","Paris","association","Arménie",None,"Arménie","pays","démocratie participative (programme « clés en main »)",2536)
w(2517,[a,b,c,d,e],"Table of the ten « clés en main » programmes led by associations (header l. 2500): country + association porteuse treated as programme destination + lead. Mali–Lianes (l. 2516) and Ukraine–Vitagora (l. 2540-2544) are outside the window.")
# 2561 AIMF table
rows=[]
for c_ in ["Côte d'Ivoire","Burkina Faso","Madagascar","Burundi","Rwanda"]:
    rows.append(r("Association internationale des maires francophones (AIMF)","Paris","association internationale",c_,None,c_,"pays","santé (programme « clés en main » de l'AIMF)",2571,True,"French side is the AIMF, an international association based in Paris"))
for c_ in ["Mali","Burkina Faso"]:
    rows.append(r("Association internationale des maires francophones (AIMF)","Paris","association internationale",c_,None,c_,"pays","construction durable d'infrastructures municipales (programme « clés en main » de l'AIMF)",2576,True,"French side is the AIMF, an international association based in Paris"))
w(2561,rows,"« Tous pays dont des villes sont membres de l'AIMF » (l. 2566-2569, eau et assainissement) gets no row (all member countries). Cameroun (l. 2581) and Congo (l. 2583) lines are outside the window.")
a=r("Association internationale des maires francophones (AIMF)","Paris","association internationale","Cameroun",None,"Cameroun","pays","énergie durable (programme « clés en main » de l'AIMF)",2902,True,"AIMF as French side; the PROGRAMME heading is at l. 2899 just before the window, the destination line l. 2901-2902 is inside")
w(2900,[a],"Rest of window is running headers/page numbers.")
w(2944,[],"Ville de Paris SOLIDAE call for NGO projects and Fondation Schneider Electric funds: no foreign partner named.")
w(3311,[],"Bretagne–UEMOA cotton sector starts at l. 3332, outside the window.")
w(3753,[],"PNUD/ART, DAECT contact: no pair.")
w(3827,[],"Franco-German volunteering for twinned collectivités: generic, no named pair.")
w(3996,[],"")
a=r("L'Alliance de villes euro-méditerranéennes de culture (AVEC)",None,"réseau / association de collectivités","la ville de Genève","Genève","Suisse","commune","prévention et gestion des risques urbains, plans de sauvegarde des musées (zones inondables)",4067,True,"French side is a Euro-Mediterranean network of cities (international association), and the text says only that AVEC's method was applied 'avec la ville de Genève'; seat not given")
w(4058,[a],"Musée de la Camargue is French (no row). Gironde–Niš starts at l. 4080, outside the window.")
w(4122,[],"Cergy-Pontoise–Porto-Novo starts at l. 4143, outside the window.")
w(4211,[],"DAECT gender map mentions Mali and Mongolia projects with no French party: no row.")
w(4535,[],"")
a=r("conseil régional des Hauts-de-France (collectivité cheffe de file)","Lille","région","la commune de Sèmè Podji (projet « Sèmè City »)","Sèmè-Podji","Bénin","commune","Sèmè City, ville intelligente et durable: énergies renouvelables, écoconstruction",4816,note="bord de fenêtre: the programme heading and destination lines (l. 4807-4813) are just before the window; inside it are the cheffe de file (l. 4816-4818) and the project text naming Sèmè City and Bénin (l. 4827-4830)")
w(4815,[a],"The Medee (Lille)–Sèmè City cluster partnership (l. 4831-4832) is between clusters and folded into this row.")
a=r("Paris","Paris","commune","Accra","Accra","Ghana","commune","gestion des déchets",4970)
b=r("musée de Bordeaux","Bordeaux","musée (établissement culturel)","musée d'Accra","Accra","Ghana","musée","coopération culturelle entre musées",4969,True,"the parties are museums, not collectivités; the Bordeaux museum is presumably municipal but the guide does not say so")
w(4960,[a,b],"Parliamentary cooperation (l. 4968) not counted; Tamale seeking French partners (l. 4973-4978) has no French party.")
w(5055,[],"Togo communes seeking partners (via the embassy): no French party.")
w(5824,[],"Contacts. The CUF–Bangui sentence starts at l. 5843 inside the window but CUF and Bangui are named at l. 5844-5845, outside: not counted.")
a=r("Le Syctom (Syndicat de traitement des déchets d'Île-de-France)","Paris","syndicat mixte","Comores",None,"Comores","pays","actions au titre du « 1 % » déchets",6028,note="Comores implicit from section 5.2")
b=r("le Sedif (Syndicat des eaux d'Île-de-France)","Paris","syndicat intercommunal","Comores",None,"Comores","pays","actions au titre du « 1 % » eau",6030,note="Comores implicit from section 5.2")
c=r("Le conseil départemental de La Réunion","Saint-Denis (La Réunion)","département","Comores (formation des élus territoriaux)",None,"Comores","pays","formation des élus territoriaux des Comores avec le CNFPT",6040,note="bord de fenêtre: the French parties are named at l. 6040-6042, 'des Comores' at l. 6043 outside the window")
d=r("la communauté d'agglomération de Dunkerque (59)","Dunkerque","intercommunalité","Comores (formation des élus territoriaux)",None,"Comores","pays","formation des élus territoriaux des Comores avec le CNFPT",6041,note="bord de fenêtre, as above")
e=r("la ville de La Courneuve (93)","La Courneuve","commune","Comores (formation des élus territoriaux)",None,"Comores","pays","formation des élus territoriaux des Comores avec le CNFPT",6041,note="bord de fenêtre, as above")
f=r("région Sud-PACA","Marseille","région","Comores",None,"Comores","pays","coopération décentralisée impliquant la diaspora franco-comorienne",6027,True,"generic statement that cooperation with the Comores 'implique en général des collectivités' such as La Réunion, the Paris region, Sud-PACA, Dunkerque; no specific action stated for Sud-PACA")
w(6023,[a,b,c,d,e,f],"Conseil régional de La Réunion's office in Moroni (l. 6027-6028) is an antenna: no row. 'région parisienne' (l. 6026) too vague for a row; the generic mentions of La Réunion and Dunkerque (l. 6026-6027) are folded into the explicit rows at l. 6040-6041.")
w(6340,[],"France–Québec generalities, FFQCD call, Assises at La Rochelle (event): no row.")
w(7321,[],"Contacts and Uzbekistan country text without a French party.")
pairs=[("Nancy","Karlsruhe",7622),("Nantes","Saarbrücken",7623),("Plouguerneau","Edingen-Neckarhausen",7623),("Clermont-Ferrand","Regensburg",7624),("Coulaines","Weyhe",7625),("Issy-les-Moulineaux","Weiden",7625),("Saint-Nazaire","Sarrelouis",7626)]
rows=[r(f,f,"commune",g,g,"Allemagne","commune","jumelage franco-allemand; volontariat franco-allemand des territoires accompagné par l'AFCCRE",l) for f,g,l in pairs]
w(7614,rows,"guide_line is the line naming each pair; the sentence starts at l. 7621.")
w(7653,[],"OFAJ description: no pair.")
a=r("RRMA Lianes Coopération","Lille","RRMA (association)","région de Silésie","Katowice","Pologne","région","jeunesse: volontariats, échanges de jeunes et scolaires (programme « clés en main »)",7973)
b=r("la région Hauts-de-France","Lille","région","Pologne",None,"Pologne","pays","forts liens (base du programme jeunesse de Lianes Coopération)",7958,True,"the text mentions 'les forts liens entre la région Hauts-de-France et la Pologne' without stating a cooperation or agreement")
w(7958,[a,b],"")
a=r("Savoie déchets","Chambéry","syndicat mixte","les communes moldaves du district de Telenești","Telenești","Moldavie","district","gestion des déchets",8893)
w(8884,[a],"Embassy contest France-Moldavie and the Chisinau seminar (event) not counted.")
w(8966,[],"Franco-Russian year of decentralised cooperation: generic, launch event in Nice, Assises in Russia: no row.")
w(9235,[],"AVEC description and label: no pair.")
a=r("GIP AVITEM (porteur)","Marseille","groupement d'intérêt public","Ksar Tafilelt (wilaya de Ghardaïa)","Ksar Tafilelt","Algérie","ksar (ville nouvelle)","ville résiliente en milieu aride (programme mutualisable)",9351)
w(9337,[a],"")
w(9880,[],"Glossary of acronyms.")
w(9921,[],"Glossary of acronyms.")
json.dump(R,open('/work/unseen-s9/B/partnerships.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
wins=json.load(open('/work/unseen-s9/windows_B.json'))
out=[]
for x in wins:
    rows,note=W[x['start']]
    out.append({"start":x['start'],"end":x['end'],"rows":rows,"doubtful":sum(1 for i in rows if R[i].get("doubtful")),"note":note})
assert len(W)==40
json.dump(out,open('/work/unseen-s9/B/windows_annotated.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
print(len(R),sum(1 for x in R if x.get('doubtful')),sum(1 for x in out if x['rows']))
