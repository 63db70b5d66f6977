import json
acc="accepted: inside a prose paragraph"
D=[(1,769,True,acc+" (Agenda 2030 / ODD)"),
(3,7318,False,"rejected: contact block, line is only 'DAECT' (organisation name between a name and an e-mail)"),
(5,1089,True,acc+" (foreign partners of collectivités, conventions with foreign States)"),
(7,3871,True,acc+" (coopération éducative)"),
(9,892,True,acc+" (benefits of territorial expertise)"),
(11,4340,True,acc+" (AFD study on migrations)"),
(13,8548,True,acc+" (Kosovo)"),
(15,1757,False,"rejected: blank line"),
(17,8374,True,acc+" (last line of the RYCO paragraph)"),
(19,307,True,acc+" (CA Sud Martinique, Destination bleue d'excellence)"),
(21,8351,True,"accepted: inside a programme block (Sites et Cités remarquables 'clés en main', budget bullet)"),
(23,3068,False,"rejected: continuation of a URL in a list of links (aimf.asso.fr), not prose"),
(25,2908,False,"rejected: section header ('ACCÈS AUX SERVICES ESSENTIELS' heading)"),
(27,3054,False,"rejected: blank line"),
(29,6668,True,acc+" (Guyane, borders with Brazil and Suriname)"),
(31,2409,True,acc+" (France Urbaine, PFVT)"),
(33,3729,True,acc+" (demand for French territorial expertise)"),
(35,3816,True,acc+" (DAECT youth AAP partners)"),
(37,9311,True,acc+" (Algeria: Île-de-France and the Casbah of Algiers)"),
(39,5074,True,"accepted: bullet prose in the Togo commune presentation (Golfe 3, Lomé)"),
(41,1161,False,"rejected: blank line"),
(43,5124,True,"accepted: bullet prose in the Togo commune presentation (Aného)"),
(45,9812,False,"rejected: blank line inside a contact block"),
(47,2367,True,acc+" (associations faîtières at the CNCD)"),
(49,1331,True,"accepted: bullet prose in the list of DAECT calls for projects"),
(51,7189,False,"rejected: contact block, line is only a person's name"),
(53,6138,False,"rejected: blank line"),
(55,4614,True,acc+" (EU DG DEVCO call winners)"),
(57,6333,True,acc+" (France–Québec, FFQCD)"),
]
Q=json.load(open('/work/unseen-s9/A/queries.json',encoding='utf-8'))
qi={q['drawn_line']:i for i,q in enumerate(Q)}
out=[]
for k,l,a,r in D:
    d={"draw":k,"line":l,"accepted":a,"reason":r}
    if a: d["query_index"]=qi[l]; d["query"]=Q[qi[l]]["q"]; d["category"]=Q[qi[l]]["category"]
    out.append(d)
assert sum(a for _,_,a,_ in D)==20 and len(qi)==20
json.dump({"command":"python3 /work/unseen-s9/draw_query_lines.py 80 (seed 20261221); odd draws belong to A; stopped after the 20th acceptance (draw 57)","draws":out},open('/work/unseen-s9/A/query_draws.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
print('ok')
