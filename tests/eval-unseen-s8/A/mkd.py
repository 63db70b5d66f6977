import json
acc={e["draw"]:e for e in json.load(open("queries.json"))}
rej={3:(1698,"reject: list of RRMA/network names (KARIB HORIZON between region names), not prose"),
7:(6738,"reject: blank line inside a contact list of e-mails"),
11:(9877,"reject: blank line in the glossary of abbreviations"),
23:(5824,"reject: contact block, e-mail address only"),
25:(777,"reject: blank line"),
29:(2852,"reject: blank line before a list of URLs"),
43:(1273,"reject: blank line"),
45:(4899,"reject: contact block, name only")}
out=[]
for d in range(1,56,2):
    if d in acc: out.append(dict(draw=d,line=acc[d]["drawn_line"],accepted=True,reason="prose paragraph",category=acc[d]["category"],q=acc[d]["q"]))
    else: out.append(dict(draw=d,line=rej[d][0],accepted=False,reason=rej[d][1]))
out.append(dict(note="draws 57-79 (A) not looked at for acceptance: 20 accepted reached at draw 55"))
json.dump(out,open("query_draws.json","w"),ensure_ascii=False,indent=1)
print(sum(1 for o in out if o.get("accepted")), sum(1 for o in out if o.get("accepted") is False))
