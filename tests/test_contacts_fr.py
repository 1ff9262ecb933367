"""French contacts, sentence by sentence: one table row per rule, in our own words."""

from __future__ import annotations

import pytest

from kg.pipeline import Extractor
from tests.contact_cases import events, normalise

MAC, PUT, ZEL, SCH, MER, BID, TRU, XI, ERD = ("Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelenskyy",
                                              "Olaf Scholz", "Angela Merkel", "Joe Biden", "Donald Trump",
                                              "Xi Jinping", "Recep Tayyip Erdoğan")
TUE = "2026-02-03"  # a Tuesday
TUE23 = "2023-02-07"  # a Tuesday when Scholz was chancellor

CASES = [
    # -- predicates, verbal
    ("s'entretenir avec", "Emmanuel Macron s'est entretenu mardi avec Vladimir Poutine.", TUE,
     [((MAC, PUT), "unspecified", "occurred", "2026-02-03")]),
    ("s'entretenir par téléphone", "Emmanuel Macron s'est entretenu par téléphone avec Volodymyr Zelensky.", TUE,
     [((MAC, ZEL), "phone", "occurred", None)]),
    ("en visioconférence", "Olaf Scholz et Emmanuel Macron se sont entretenus en visioconférence lundi.", TUE23,
     [((MAC, SCH), "video", "occurred", "2023-02-06")]),
    ("parler à", "Le président français a parlé à Vladimir Poutine le 11 septembre 2022.", "2022-09-12",
     [((MAC, PUT), "unspecified", "occurred", "2022-09-11")]),
    ("se parler", "Emmanuel Macron et Vladimir Poutine se sont parlé début juillet dernier.", TUE,
     [((MAC, PUT), "unspecified", "occurred", "2025-07")]),
    ("échanger avec", "Volodymyr Zelensky a échangé avec Olaf Scholz hier.", TUE23,
     [((SCH, ZEL), "unspecified", "occurred", "2023-02-06")]),
    ("appeler", "Joe Biden a appelé Recep Tayyip Erdogan dimanche.", "2022-06-01",
     [((BID, ERD), "phone", "occurred", "2022-05-29")]),
    ("téléphoner à", "Angela Merkel a téléphoné à Vladimir Poutine.", "2021-03-10",
     [((MER, PUT), "phone", "occurred", None)]),
    ("rencontrer", "Xi Jinping a rencontré Joe Biden à Bali.", "2022-11-15",
     [((BID, XI), "meeting", "occurred", None)]),
    ("recevoir à l'Elysée", "Emmanuel Macron a reçu Volodymyr Zelensky à l'Elysée mercredi.", "2023-05-15",
     [((MAC, ZEL), "meeting", "occurred", "2023-05-10")]),
    ("accueillir", "Recep Tayyip Erdogan a accueilli Vladimir Poutine à Sotchi.", "2023-09-05",
     [((ERD, PUT), "meeting", "occurred", None)]),
    ("rendre visite", "Olaf Scholz a rendu visite à Xi Jinping à Pékin.", "2022-11-04",
     [((SCH, XI), "meeting", "occurred", None)]),
    ("écrire à", "Volodymyr Zelensky a écrit à Xi Jinping pour lui demander son aide.", "2023-03-01",
     [((XI, ZEL), "letter", "occurred", None)]),
    # -- predicates, nominal
    ("avoir un entretien avec", "Vladimir Poutine a eu un entretien téléphonique avec Emmanuel Macron.", TUE,
     [((MAC, PUT), "phone", "occurred", None)]),
    ("entretien entre", "Un entretien téléphonique a eu lieu jeudi entre Vladimir Poutine et Emmanuel Macron.", TUE,
     [((MAC, PUT), "phone", "occurred", "2026-01-29")]),
    ("coup de fil", "Joe Biden a passé un coup de fil à Olaf Scholz.", "2022-03-01",
     [((BID, SCH), "phone", "occurred", None)]),
    ("l'appel X-Y", "L'appel Macron-Poutine a duré deux heures.", TUE,
     [((MAC, PUT), "phone", "occurred", None)]),
    ("leur précédent appel", "Macron et Poutine se sont parlé hier. Leur précédent appel remontait au 1er juillet.",
     TUE, [((MAC, PUT), "phone", "occurred", "2025-07-01"), ((MAC, PUT), "unspecified", "occurred", "2026-02-02")]),
    ("talks during a visit with the host country's other leader", "Emmanuel Macron a été reçu jeudi par Xi Jinping. "
     "Il s'est ensuite entretenu avec le Premier ministre Li Qiang.", "2023-04-07",
     [((MAC, XI), "meeting", "occurred", "2023-04-06"), ((MAC, "Li Qiang"), "meeting", "occurred", "2023-04-06")]),
    ("talks during a visit with a third country's leader", "Emmanuel Macron a été reçu jeudi par Xi Jinping. Il "
     "s'est ensuite entretenu avec Olaf Scholz.", "2023-04-07",
     [((MAC, XI), "meeting", "occurred", "2023-04-06"), ((MAC, SCH), "unspecified", "occurred", "2023-04-06")]),
    # -- participants
    ("passive", "Le président turc Recep Tayyip Erdogan a été reçu par Emmanuel Macron à l'Elysée.", "2023-06-01",
     [((ERD, MAC), "meeting", "occurred", None)]),
    ("passive, coordinated: received together", "Emmanuel Macron et Olaf Scholz ont été reçus lundi par Joe Biden.",
     TUE23, [((BID, MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("apposition", "Le président ukrainien, Volodymyr Zelensky, a rencontré Joe Biden mardi.", "2022-12-21",
     [((BID, ZEL), "meeting", "occurred", "2022-12-20")]),
    ("counterpart", "Emmanuel Macron a parlé mardi à son homologue russe.", TUE,
     [((MAC, PUT), "unspecified", "occurred", "2026-02-03")]),
    ("role subject", "Le chef du Kremlin s'est entretenu avec le président turc.", "2023-06-01",
     [((ERD, PUT), "unspecified", "occurred", None)]),
    ("pronoun across sentences", "Emmanuel Macron est arrivé à Kiev. Il s'est entretenu avec Volodymyr Zelensky.",
     "2022-06-16", [((MAC, ZEL), "unspecified", "occurred", None)]),
    ("a dated lead without a contact dates the next", "Emmanuel Macron est arrivé mardi à Kiev. Il s'est entretenu "
     "avec Volodymyr Zelensky.", TUE23, [((MAC, ZEL), "unspecified", "occurred", "2023-02-07")]),
    ("a leaderless meeting lead dates the next", "Le sommet s'est tenu vendredi à Bruxelles. Emmanuel Macron s'est "
     "entretenu avec Xi Jinping dans l'après-midi.", TUE, [((MAC, XI), "unspecified", "occurred", "2026-01-30")]),
    ("a remote lead's medium goes on", "Le sommet s'est tenu vendredi par visioconférence. Emmanuel Macron s'est "
     "entretenu avec Xi Jinping.", TUE, [((MAC, XI), "video", "occurred", "2026-01-30")]),
    ("a lead's speech date dates nothing", "Emmanuel Macron a déclaré mardi à Kiev que la guerre serait longue. Il "
     "s'est entretenu avec Volodymyr Zelensky.", TUE23, [((MAC, ZEL), "unspecified", "occurred", None)]),
    ("il: the subject pronoun before the names of its sentence", "Joe Biden est arrivé à Paris. Il y a été reçu par "
     "Emmanuel Macron. Il doit aussi rencontrer Olaf Scholz.", TUE23,
     [((BID, MAC), "meeting", "occurred", None), ((BID, SCH), "meeting", "planned", None)]),
    ("les trois dirigeants: the last three named", "Emmanuel Macron, Olaf Scholz et Joe Biden sont arrivés à Kiev. "
     "Volodymyr Zelensky s'est entretenu avec les trois dirigeants.", TUE23,
     [((BID, MAC, SCH, ZEL), "unspecified", "occurred", None)]),
    ("ce dernier", "Olaf Scholz a vu Joe Biden. Ce dernier a ensuite appelé Emmanuel Macron.", "2022-03-01",
     [((BID, MAC), "phone", "occurred", None)]),
    ("les deux dirigeants", "Joe Biden a reçu Olaf Scholz. Les deux dirigeants ont parlé de l'Ukraine.", "2022-02-08",
     [((BID, SCH), "meeting", "occurred", None)]),
    ("ainsi que: another partner", "Xi Jinping doit rencontrer mardi Emmanuel Macron ainsi que Joe Biden.", TUE23,
     [((MAC, XI), "meeting", "planned", "2023-02-07"), ((BID, XI), "meeting", "planned", "2023-02-07")]),
    ("puis after a passive: the subject goes on", "Volodymyr Zelensky a été accueilli lundi par Emmanuel Macron, puis "
     "s'est entretenu avec Olaf Scholz.", TUE23, [((MAC, ZEL), "meeting", "occurred", "2023-02-06"),
                                                  ((SCH, ZEL), "meeting", "occurred", "2023-02-06")]),
    ("three-party meeting", "Emmanuel Macron, Olaf Scholz et Volodymyr Zelensky se sont réunis à Kiev.", "2022-06-17",
     [((MAC, SCH, ZEL), "meeting", "occurred", None)]),
    ("several counterparts", "Volodymyr Zelensky s'est entretenu avec Emmanuel Macron et Olaf Scholz.", "2022-06-17",
     [((MAC, ZEL), "unspecified", "occurred", None), ((SCH, ZEL), "unspecified", "occurred", None)]),
    ("relative clause", "Emmanuel Macron, qui a rencontré Olaf Scholz lundi, s'est entretenu jeudi avec Vladimir "
     "Poutine.", TUE23, [((MAC, PUT), "unspecified", "occurred", "2023-02-02"),
                         ((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("bare 'les deux' before a verb", "Emmanuel Macron a reçu Olaf Scholz mardi. Les deux s'étaient déjà parlé "
     "le 3 janvier.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-07"),
                             ((MAC, SCH), "unspecified", "occurred", "2023-01-03")]),
    ("'les deux pays' names nobody", "Emmanuel Macron a reçu Olaf Scholz mardi. Les deux pays ont discuté "
     "le 3 janvier.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-07")]),
    ("an aside between commas in a partner list", "Emmanuel Macron s'est entretenu lundi avec Olaf Scholz, puis, "
     "dans l'après-midi, avec Volodymyr Zelensky.", TUE23, [((MAC, SCH), "unspecified", "occurred", "2023-02-06"),
                                                        ((MAC, ZEL), "unspecified", "occurred", "2023-02-06")]),
    ("a same-day follow-up joins a video occasion", "Le sommet s'est tenu lundi par visioconférence. Emmanuel "
     "Macron s'est d'abord entretenu avec Olaf Scholz, puis, dans l'après-midi, avec Volodymyr Zelensky.", TUE23,
     [((MAC, SCH), "video", "occurred", "2023-02-06"), ((MAC, ZEL), "video", "occurred", "2023-02-06")]),
    ("rejoindre pour un sommet virtuel", "Lundi, Joe Biden et Olaf Scholz ont rejoint Emmanuel Macron pour un sommet "
     "virtuel.", TUE23, [((BID, MAC, SCH), "video", "occurred", "2023-02-06")]),
    ("an aside in coordinated subjects", "Emmanuel Macron, actuel président du G7, et le chancelier allemand, Olaf "
     "Scholz, ont rencontré Volodymyr Zelensky lundi à Kiev.", TUE23,
     [((MAC, SCH, ZEL), "meeting", "occurred", "2023-02-06")]),
    ("visite d'Etat: the head of state who leads is the host", "Olaf Scholz a effectué une visite d'Etat en Chine "
     "en avril l'an dernier.", TUE23, [((SCH, XI), "meeting", "occurred", "2022-04")]),
    ("visite d'Etat where the head of state does not lead", "Emmanuel Macron a effectué lundi une visite d'Etat en "
     "Allemagne.", TUE23, []),
    ("accepted invitation to a state visit", "Joe Biden a accepté l'invitation de Xi Jinping à effectuer une visite "
     "d'Etat en Chine à l'automne.", TUE23, [((BID, XI), "meeting", "planned", "2023")]),
    ("chacun des deux dirigeants: one contact with each", "Emmanuel Macron et Olaf Scholz se sont rencontrés lundi. "
     "Volodymyr Zelensky s'était entretenu dimanche avec chacun des deux dirigeants.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06"), ((MAC, ZEL), "unspecified", "occurred", "2023-02-05"),
      ((SCH, ZEL), "unspecified", "occurred", "2023-02-05")]),
    ("a second verb phrase's talks are its subject's", "Emmanuel Macron a reçu lundi Olaf Scholz et doit se rendre "
     "jeudi à Kiev pour un entretien avec Volodymyr Zelensky.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06"), ((MAC, ZEL), "meeting", "planned", "2023-02-09")]),
    ("dîner avec", "Emmanuel Macron a dîné lundi avec Olaf Scholz dans un restaurant parisien.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("a later 'il' is the passive's subject", "Lundi, Volodymyr Zelensky avait été reçu par Emmanuel Macron, au "
     "lendemain du jour où il avait rendu visite à Olaf Scholz.", TUE23,
     [((MAC, ZEL), "meeting", "occurred", "2023-02-06"), ((SCH, ZEL), "meeting", "occurred", "2023-02-05")]),
    ("a dative 'lui' is the one called", "Volodymyr Zelensky est arrivé à Paris. Emmanuel Macron lui a téléphoné "
     "lundi.", TUE23, [((MAC, ZEL), "phone", "occurred", "2023-02-06")]),
    ("'lui avait envoyé une lettre': the verb, not an envoy", "Olaf Scholz a indiqué mardi qu'Emmanuel Macron lui "
     "avait envoyé une lettre.", TUE23, [((MAC, SCH), "letter", "occurred", None)]),
    ("'leur' after two people of its own sentence is those two, not the last contact", "Olaf Scholz a reçu lundi "
     "Emmanuel Macron. Joe Biden et Xi Jinping ne se sont plus parlé depuis leur appel de novembre.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06"), ((BID, XI), "phone", "occurred", "2022-11")]),
    ("after a fronted 'entretien avec X', 'il' is the other one", "Xi Jinping est arrivé dimanche à Bali. Après "
     "un long entretien avec Joe Biden lundi, il a rencontré mardi Emmanuel Macron.", "2022-11-16",
     [((BID, XI), "meeting", "occurred", "2022-11-14"), ((MAC, XI), "meeting", "occurred", "2022-11-15")]),
    ("a time opening the sentence dates the clauses after its colon", "Lundi soir à Paris, Emmanuel Macron a "
     "enchaîné deux dîners : il a d'abord dîné avec Joe Biden, puis il a reçu Olaf Scholz à l'Elysée.", TUE23,
     [((BID, MAC), "meeting", "occurred", "2023-02-06"), ((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("', un échange consacré à ...' in apposition is the same contact, and 'leur' all three", "Emmanuel Macron et "
     "Olaf Scholz se sont entretenus lundi en visioconférence avec Xi Jinping, un échange consacré au climat. Leur "
     "précédent échange, le 30 décembre, portait sur le commerce.", TUE23,
     [((MAC, SCH, XI), "video", "occurred", "2023-02-06"), ((MAC, SCH, XI), "unspecified", "occurred", "2022-12-30")]),
    ("a minor state's foreign minister is no leader; a G20 one is", "Sergueï Lavrov a rencontré jeudi Dmytro "
     "Kouleba à Antalya. Emmanuel Macron s'est entretenu vendredi avec Lavrov et Kouleba.", TUE23,
     [((MAC, "Sergey Lavrov"), "unspecified", "occurred", "2023-02-03")]),
    ("visiting a seat of power meets whoever sits there", "Olaf Scholz a visité le Kremlin lundi.", TUE23,
     [((PUT, SCH), "meeting", "occurred", "2023-02-06")]),
    ("'doit être reçu à la Maison Blanche': a passive after a modal", "Emmanuel Macron doit être reçu jeudi à la "
     "Maison Blanche.", TUE23, [((BID, MAC), "meeting", "planned", "2023-02-09")]),
    ("a name in apposition to 'chez son voisin allemand' is the one visited", "Lundi, Emmanuel Macron s'était "
     "rendu chez son voisin allemand, le chancelier Olaf Scholz, pour parler de l'Ukraine.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("'depuis leur rencontre à Paris en novembre': that meeting happened then", "Emmanuel Macron et Olaf Scholz se "
     "sont écrit à plusieurs reprises depuis leur rencontre à Paris en novembre.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2022-11")]),
    ("'en marge du sommet du G20' under way: its days up to the article's", "Xi Jinping a rencontré Joe Biden en "
     "marge du sommet du G20.", "2022-11-16", [((BID, XI), "meeting", "occurred", "2022-11")]),
    ("'en marge du sommet de l'Otan à Vilnius' told later: the summit named by its city", "Joe Biden avait "
     "rencontré Recep Tayyip Erdogan en marge du sommet de l'Otan à Vilnius.", "2024-02-01",
     [((BID, ERD), "meeting", "occurred", "2023-07")]),
    ("'depuis la COP28' is another occasion", "Xi Jinping et Joe Biden se sont parlé au téléphone pour la "
     "première fois depuis la COP28.", "2024-01-30", [((BID, XI), "phone", "occurred", None)]),
    ("'les deux chefs de la diplomatie' are the last pair of foreign ministers", "Jean-Noël Barrot a appelé lundi "
     "Sergueï Lavrov. Emmanuel Macron a reçu mardi Olaf Scholz. Les deux chefs de la diplomatie s'étaient "
     "rencontrés le 3 janvier.", "2025-02-05",
     [((MAC, SCH), "meeting", "occurred", "2025-02-04"), (("Jean-Noël Barrot", "Sergey Lavrov"), "meeting", "occurred",
                                                          "2025-01-03"),
      (("Jean-Noël Barrot", "Sergey Lavrov"), "phone", "occurred", "2025-02-03")]),
    ("'n'est plus d'actualité' calls off a summit told far before it", "Le sommet entre Joe Biden et Vladimir "
     "Poutine, accepté sur le principe par les deux parties, n'est « plus d'actualité ».", TUE23,
     [((BID, PUT), "meeting", "cancelled", None)]),
    ("assister ensemble au sommet du G20 n'est pas un contact", "Emmanuel Macron et Olaf Scholz ont participé lundi "
     "au sommet du G20.", TUE23, []),
    ("'a refusé de' after a contact noun governs another verb", "Emmanuel Macron a reçu vendredi Olaf Scholz, au "
     "lendemain de son appel avec Joe Biden, et a refusé de commenter les sanctions.", "2023-02-11",
     [((BID, MAC), "phone", "occurred", "2023-02-09"), ((MAC, SCH), "meeting", "occurred", "2023-02-10")]),
    ("'vient de' is the day of the report", "Emmanuel Macron vient de s'entretenir avec Olaf Scholz.", TUE23,
     [((MAC, SCH), "unspecified", "occurred", TUE23)]),
    ("'un message distinct' by the same medium is of the same day", "Joe Biden a adressé lundi un message à "
     "Volodymyr Zelensky. Emmanuel Macron a envoyé un message distinct à Olaf Scholz.", TUE23,
     [((BID, ZEL), "letter", "occurred", "2023-02-06"), ((MAC, SCH), "letter", "occurred", "2023-02-06")]),
    ("an epithet ('le milliardaire') is the story's main figure, not the latest person", "Donald Trump a reçu lundi "
     "Emmanuel Macron. Le président français a salué l'accueil. Mardi, le milliardaire a appelé Volodymyr Zelensky.",
     "2025-02-05", [((MAC, TRU), "meeting", "occurred", "2025-02-03"), ((TRU, ZEL), "phone", "occurred",
                                                                      "2025-02-04")]),
    ("'le dirigeant' before a country adjective is a role, not an epithet", "Emmanuel Macron a reçu lundi le "
     "dirigeant russe.", TUE23, [((MAC, PUT), "meeting", "occurred", "2023-02-06")]),
    ("'lors de cette rencontre, mardi' dates the contact it restates", "Olaf Scholz a été reçu par Joe Biden à la "
     "Maison Blanche. Lors de cette rencontre, lundi, le président américain a salué l'Allemagne.", TUE23,
     [((BID, SCH), "meeting", "occurred", "2023-02-06")]),
    ("'il n'y a pas eu de date' ne dément aucun contact", "Joe Biden s'est entretenu lundi au téléphone avec "
     "Vladimir Poutine. Il n'y a pas eu de date fixée pour un sommet, a dit Joe Biden.", TUE23,
     [((BID, PUT), "phone", "occurred", "2023-02-06")]),
    ("'reporté au 20 février' is still planned, on the new day", "Volodymyr Zelensky a reporté au 20 février sa "
     "rencontre avec Olaf Scholz.", TUE23, [((SCH, ZEL), "meeting", "planned", "2023-02-20")]),
    ("'prêt mercredi à recevoir': a readiness with a day inside it is no contact", "Vladimir Poutine s'est dit prêt "
     "lundi à recevoir Volodymyr Zelensky à Moscou.", TUE23, []),
    ("two dates joined by 'ou' give what both share; 'la rencontre ... reportée' is a noun's", "La rencontre "
     "entre Emmanuel Macron et Olaf Scholz, prévue fin septembre ou début octobre, est reportée sine die.", TUE23,
     [((MAC, SCH), "meeting", "cancelled", "2023")]),
    ("'15 fois' est un agrégat", "Angela Merkel et Emmanuel Macron se sont vus 15 fois en 2019.", TUE23, []),
    ("'la volonté de rencontrer' n'est pas un contact", "Joe Biden a dit la volonté de rencontrer Xi Jinping.",
     TUE23, []),
    ("'Lors d'un entretien téléphonique, X a félicité Y'", "Lors d'un entretien téléphonique, Vladimir Poutine a "
     "chaleureusement félicité Emmanuel Macron.", TUE23, [((MAC, PUT), "phone", "occurred", None)]),
    ("'A l'issue de cette réunion, X ...': a restated meeting is no new one", "Emmanuel Macron a reçu lundi Olaf "
     "Scholz. A l'issue de cette réunion, Olaf Scholz a salué Joe Biden.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("an official title run before the name", "Vladimir Poutine a eu un entretien téléphonique avec le Chancelier "
     "de la République Fédérale d'Allemagne et Président du Conseil Européen de la Paix Olaf Scholz.", TUE23,
     [((PUT, SCH), "phone", "occurred", None)]),
    ("'la présidente de la Chambre' is no head of state", "Joe Biden a salué ce voyage. La présidente de la Chambre "
     "des représentants, Nancy Pelosi, a été reçue lundi par Olaf Scholz.", TUE23, []),
    ("'pouvait l'appeler' is a possibility, not a call", "Joe Biden a assuré qu'Emmanuel Macron pouvait l'appeler "
     "quand il le voulait.", TUE23, []),
    ("'ont rompu tout contact' is no contact", "Emmanuel Macron et Vladimir Poutine ont rompu tout contact depuis "
     "février.", TUE23, []),
    ("a trip to a capital sees the leader of its country named there", "Emmanuel Macron a accepté l'invitation de "
     "Volodymyr Zelensky à se rendre à Kiev.", TUE23, [((MAC, ZEL), "meeting", "planned", None)]),
    ("'se rend samedi à Moscou, où il doit rencontrer X': the plan, not a trip held", "Olaf Scholz se rend samedi à "
     "Moscou, où il doit rencontrer Vladimir Poutine.", "2023-02-10",
     [((PUT, SCH), "meeting", "planned", "2023-02-11")]),
    ("'les deux hommes' after a pair that did not meet is that pair", "Joe Biden a reçu lundi Emmanuel Macron. Xi "
     "Jinping et Vladimir Poutine ne se sont pas rencontrés. Les deux hommes s'étaient vus à Pékin en février 2022.",
     TUE23, [((BID, MAC), "meeting", "occurred", "2023-02-06"), ((PUT, XI), "meeting", "occurred", "2022-02")]),
    ("a list goes on past a titled person we do not know ('le vice-président JD Vance et ...')", "Emmanuel Macron a "
     "reçu lundi le vice-président américain JD Vance et le chancelier Olaf Scholz.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("'un message de X à Y' remis par Z: le porteur n'est pas partie", "Olaf Scholz a remis un message de "
     "Volodymyr Zelensky à Vladimir Poutine.", TUE23, [((PUT, ZEL), "letter", "occurred", None)]),
    ("'un message de X, qui a salué ... à son homologue': not from-to", "Vladimir Poutine a reçu lundi un message de "
     "félicitations de Xi Jinping, qui a salué le soutien des Russes à son homologue.", TUE23,
     [((PUT, XI), "letter", "occurred", "2023-02-06")]),
    ("an adverb inside a cue ('sont aussi convenus de') keeps it a plan", "Joe Biden et Vladimir Poutine sont aussi "
     "convenus de se rencontrer en personne.", TUE23, [((BID, PUT), "meeting", "planned", None)]),
    ("an adverb inside a cue ('a déjà annulé') keeps it called off", "Joe Biden a déjà annulé sa rencontre avec "
     "Vladimir Poutine.", TUE23, [((BID, PUT), "meeting", "cancelled", None)]),
    ("a lead where two leaders announce together dates the visit told next", "Emmanuel Macron et Olaf Scholz ont "
     "annoncé lundi un accord sur l'énergie. Le président français, reçu à la chancellerie par son homologue "
     "allemand, a salué une avancée.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("one leader's declaration dates only the declaring", "Emmanuel Macron a déclaré lundi que l'accord était "
     "proche. Le président français, reçu à la chancellerie par Olaf Scholz, a salué une avancée.", TUE23,
     [((MAC, SCH), "meeting", "occurred", None)]),
    ("a plan is checked at the date it was made, not the date planned", "Joe Biden a rencontré Emmanuel Macron "
     "mardi. Les deux dirigeants sont convenus de tenir un sommet en 2026.", "2024-06-12",
     [((BID, MAC), "meeting", "occurred", "2024-06-11"), ((BID, MAC), "meeting", "planned", "2026")]),
    ("organiser une rencontre, c'est la prévoir", "Emmanuel Macron et Olaf Scholz ont chargé leurs équipes "
     "d'organiser une rencontre.", TUE23, [((MAC, SCH), "meeting", "planned", None)]),
    ("une rencontre décrite dans une visite reportée change de date avec elle", "Olaf Scholz a reporté son voyage "
     "à Pékin, prévu lundi, où il devait rencontrer Xi Jinping, au 4 avril.", TUE23,
     [((SCH, XI), "meeting", "planned", "2023-04-04")]),
    ("un président élu n'est pas le président en exercice", "Emmanuel Macron s'est entretenu lundi avec le "
     "président américain élu.", "2024-11-14", []),
    ("une rencontre sur deux jours est datée de ce qu'ils ont en commun", "Olaf Scholz a reçu Emmanuel Macron à "
     "Berlin lundi et mardi.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02")]),
    ("'peut-être une rencontre' n'est pas un projet", "Olaf Scholz se rendra lundi à Washington pour "
     "s'entretenir avec Joe Biden, et peut-être rencontrer Xi Jinping.", TUE23,
     [((BID, SCH), "meeting", "planned", "2023-02-13")]),
    ("un voyage au futur singulier gouverne son but", "Olaf Scholz ira lundi à Washington pour rencontrer "
     "Joe Biden.", TUE23, [((BID, SCH), "meeting", "planned", "2023-02-13")]),
    ("'se rendra ... pour' : le clitique montre le verbe au futur", "Olaf Scholz se rendra lundi à Washington "
     "pour s'entretenir avec Joe Biden.", TUE23, [((BID, SCH), "meeting", "planned", "2023-02-13")]),
    ("un projet puis son issue le même jour : un seul contact, tenu", "8h30 - Joe Biden doit accueillir Xi Jinping "
     "ce matin. 11h25 - Joe Biden vient d'accueillir Xi Jinping.", TUE23,
     [((BID, XI), "meeting", "occurred", TUE23)]),
    ("l'hôte d'un sommet ne rencontre pas chaque invité", "Olaf Scholz a signé le pacte lundi, au premier jour du "
     "sommet organisé par Emmanuel Macron.", TUE23, []),
    ("des homologues nommés juste après, en apposition, sont ces personnes", "Des entretiens ont eu lieu mercredi "
     "entre Olaf Scholz et ses homologues russes, le ministre des Affaires étrangères Sergueï Lavrov et le ministre "
     "de la Défense Sergueï Choïgou.", "2023-03-17",
     [((SCH, "Sergey Lavrov"), "unspecified", "occurred", "2023-03-15")]),
    ("un possessif dans un complément en tête désigne le sujet qui suit la virgule", "Dans son message à Xi "
     "Jinping, Vladimir Poutine a salué leurs liens. Dans son message à Recep Tayyip Erdogan, le président russe a "
     "rappelé leur traité.", TUE23,
     [((ERD, PUT), "letter", "occurred", None), ((PUT, XI), "letter", "occurred", None)]),
    ("un contact tenu sans date est celui du jour : il accomplit le projet du jour", "Joe Biden doit recevoir Xi "
     "Jinping ce matin. Joe Biden a accueilli Xi Jinping sur le perron.", TUE23,
     [((BID, XI), "meeting", "occurred", TUE23)]),
    ("des contacts comptés ne sont pas un contact", "Emmanuel Macron et Xi Jinping ont eu plusieurs entretiens "
     "téléphoniques depuis janvier.", TUE23, []),
    ("recevoir deux dirigeants pour un sommet à trois est une rencontre à trois", "Joe Biden a reçu lundi "
     "Emmanuel Macron et Olaf Scholz à Camp David pour un sommet à trois.", TUE23,
     [((BID, MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("un aparté sans date de certains participants d'une rencontre datée a eu lieu ce jour-là", "Joe Biden, "
     "Emmanuel Macron et Olaf Scholz se sont réunis lundi à Camp David. Emmanuel Macron et Olaf Scholz ont aussi eu "
     "une rencontre bilatérale séparée, signe du dégel depuis l'arrivée au pouvoir d'Olaf Scholz.", TUE23,
     [((BID, MAC, SCH), "meeting", "occurred", "2023-02-06"), ((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("un nom qui termine un nom composé est celui de quelqu'un d'autre", "Emmanuel Macron a reçu lundi Maria "
     "Keller-Scholz.", TUE23, []),
    ("un contact sans date en tête est l'actualité, pas la rencontre d'avril", "Volodymyr Zelensky a rencontré "
     "Olaf Scholz à Kiev. Les deux dirigeants s'étaient vus à Berlin en avril.", "2023-05-22",
     [((SCH, ZEL), "meeting", "occurred", None), ((SCH, ZEL), "meeting", "occurred", "2023-04")]),
    ("'venir en/aux' un pays est une visite à son dirigeant nommé", "Joe Biden a dit que Xi Jinping viendrait aux "
     "Etats-Unis l'an prochain.", TUE23, [((BID, XI), "meeting", "planned", "2024")]),
    ("garde : 'venir à bout' n'est pas une visite", "Emmanuel Macron veut venir à bout de la crise, a dit Joe "
     "Biden.", TUE23, []),
    ("'informé X et Y au cours d'un dîner' : un dîner à trois", "Joe Biden a informé lundi Olaf Scholz et "
     "Emmanuel Macron au cours d'un dîner.", TUE23, [((BID, MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("une réunion de dirigeants avec un président élu reste la leur", "Emmanuel Macron, Olaf Scholz et Donald "
     "Trump se sont réunis à Paris le 12 novembre 2024.", "2024-11-20",
     [((MAC, SCH), "meeting", "occurred", "2024-11-12")]),
    ("un hôte qui reçoit plusieurs dirigeants à la fois les rencontre ensemble", "Emmanuel Macron a reçu lundi "
     "Olaf Scholz et Joe Biden à l'Elysée.", TUE23, [((BID, MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("garde : reçus 'séparément', une rencontre chacun", "Emmanuel Macron a reçu séparément lundi Olaf Scholz et "
     "Joe Biden.", TUE23, [((BID, MAC), "meeting", "occurred", "2023-02-06"), ((MAC, SCH), "meeting", "occurred",
                                                                              "2023-02-06")]),
    ("'leur première rencontre depuis que la Russie a envahi ...' ne nomme pas de rencontre en février", "Emmanuel "
     "Macron et Olaf Scholz ont eu leur première rencontre à Kiev depuis que la Russie a envahi l'Ukraine en "
     "février.", "2022-06-16", [((MAC, SCH), "meeting", "occurred", None)]),
    ("une liste de sujets avec des gentilés capitalisés et une incise", "L'Allemand Olaf Scholz, le Français "
     "Emmanuel Macron, Recep Tayyip Erdogan, qui préside le groupe, et le président américain Joe Biden ont "
     "rencontré lundi Volodymyr Zelensky à Kiev.", TUE23,
     [((BID, ERD, MAC, SCH, ZEL), "meeting", "occurred", "2023-02-06")]),
    ("une liste entre tirets est une apposition dans la proposition", "Les quatre dirigeants — Emmanuel Macron, "
     "Olaf Scholz, Joe Biden et Volodymyr Zelensky — ont entamé lundi des discussions.", TUE23,
     [((BID, MAC, SCH, ZEL), "unspecified", "occurred", "2023-02-06")]),
    ("'le lendemain' d'un projet suit le jour à venir", "Olaf Scholz doit rencontrer lundi Volodymyr Zelensky à "
     "Kiev, puis Vladimir Poutine à Moscou le lendemain.", TUE23,
     [((SCH, ZEL), "meeting", "planned", "2023-02-13"), ((PUT, SCH), "meeting", "planned", "2023-02-14")]),
    ("'trois jours plus tard' compte depuis le jour dit avant", "Olaf Scholz a rencontré Joe Biden le 1er février. "
     "Trois jours plus tard, Olaf Scholz a reçu Emmanuel Macron à Berlin.", TUE23,
     [((BID, SCH), "meeting", "occurred", "2023-02-01"), ((MAC, SCH), "meeting", "occurred", "2023-02-04")]),
    ("an indefinite role names nobody: 'l'' is the other person", "C'est la première rencontre entre un "
     "président américain et Xi Jinping depuis que Macron l'a rencontré en décembre 2022.", TUE23,
     [((MAC, XI), "meeting", "occurred", "2022-12")]),
    ("an object 'l'' before an auxiliary is the one received", "Xi Jinping est arrivé à Paris. Emmanuel Macron "
     "l'a reçu lundi.", TUE23, [((MAC, XI), "meeting", "occurred", "2023-02-06")]),
    ("'le' before a contact verb is the one met", "Olaf Scholz est attendu à Paris. Emmanuel Macron le recevra "
     "jeudi.", TUE23, [((MAC, SCH), "meeting", "planned", "2023-02-09")]),
    # -- status
    ("planned: doit", "Emmanuel Macron doit s'entretenir avec Vladimir Poutine jeudi.", TUE,
     [((MAC, PUT), "unspecified", "planned", "2026-02-05")]),
    ("planned: future tense", "Olaf Scholz rencontrera Joe Biden la semaine prochaine.", "2022-02-01",
     [((BID, SCH), "meeting", "planned", "2022-02")]),
    ("planned: se prépare", "La reprise du dialogue avec Vladimir Poutine est en train de se préparer, a dit "
     "Emmanuel Macron.", TUE, [((MAC, PUT), "unspecified", "planned", None)]),
    ("planned: purpose of a planned trip", "Olaf Scholz doit se rendre jeudi à Paris, pour y rencontrer Emmanuel "
     "Macron.", TUE23, [((MAC, SCH), "meeting", "planned", "2023-02-09")]),
    ("planned: purpose of a trip in the future tense", "Emmanuel Macron et Olaf Scholz se rendront jeudi à Kiev pour "
     "rencontrer Volodymyr Zelensky.", TUE23, [((MAC, SCH, ZEL), "meeting", "planned", "2023-02-09")]),
    ("occurred: purpose of a past trip", "Olaf Scholz s'est rendu jeudi à Paris pour y rencontrer Emmanuel Macron.",
     TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-02")]),
    ("pourparlers: in person", "Vladimir Poutine et Xi Jinping doivent tenir mardi des pourparlers officiels.", TUE,
     [((PUT, XI), "meeting", "planned", "2026-02-03")]),
    ("a named building sets a meeting", "Vladimir Poutine s'est entretenu jeudi avec Xi Jinping au Grand Palais du "
     "peuple.", TUE, [((PUT, XI), "meeting", "occurred", "2026-01-29")]),
    ("a summit after which they talked", "Vladimir Poutine s'est entretenu mardi avec Xi Jinping, après le sommet de "
     "Tianjin.", TUE, [((PUT, XI), "meeting", "occurred", "2026-02-03")]),
    ("planned: a long cue after the noun", "Selon Ankara, une rencontre entre MM. Erdogan et Zelensky est « en train "
     "de se préparer », sans date.", TUE, [((ERD, ZEL), "meeting", "planned", None)]),
    ("no contact: premature", "Le Kremlin a jugé « prématuré » d'évoquer une rencontre entre Vladimir Poutine et "
     "Volodymyr Zelensky.", TUE, []),
    ("cancelled", "Joe Biden a annulé sa rencontre avec Vladimir Poutine.", "2022-02-25",
     [((BID, PUT), "meeting", "cancelled", None)]),
    ("cancelled: the scheduled date, not the day of cancelling", "Joe Biden a annulé jeudi le sommet prévu le 12 juin "
     "avec Vladimir Poutine, dans une lettre adressée au président russe.", "2021-05-20",
     [((BID, PUT), "letter", "occurred", "2021-05-20"), ((BID, PUT), "meeting", "cancelled", "2021-06-12")]),
    ("cancelled: refuse", "Volodymyr Zelensky a refusé de recevoir Frank-Walter Steinmeier.", "2022-04-13",
     [(("Frank-Walter Steinmeier", ZEL), "meeting", "cancelled", None)]),
    ("arranged and did not take place", "La rencontre entre Joe Biden et Volodymyr Zelensky, qui devait avoir lieu "
     "mardi, n'a pas eu lieu.", "2023-03-17", [((BID, ZEL), "meeting", "cancelled", "2023-03-14")]),
    ("a plan told in the past, called off past its clause", "Le sommet qui devait réunir mercredi à Paris le "
     "président américain, le chancelier allemand Olaf Scholz et le président ukrainien Volodymyr Zelensky a été "
     "annulé par l'Elysée.", TUE23, [((BID, SCH, ZEL), "meeting", "cancelled", "2023-02-08")]),
    ("a plan told in the past, not called off", "Le sommet qui devait réunir mercredi à Paris le président "
     "américain, le chancelier allemand Olaf Scholz et le président ukrainien Volodymyr Zelensky se tiendra "
     "finalement à Bruxelles.", TUE23, [((BID, SCH, ZEL), "meeting", "planned", "2023-02-08")]),
    ("a commitment with 'aussi' and 'dans les prochains mois'", "Joe Biden et Xi Jinping se sont aussi engagés à "
     "se reparler au téléphone dans les prochains mois.", "2023-11-16", [((BID, XI), "phone", "planned", None)]),
    ("the noun's own relative clause names partner and day", "Joe Biden a annulé la rencontre qu'il devait avoir "
     "jeudi à Genève avec Vladimir Poutine.", TUE23, [((BID, PUT), "meeting", "cancelled", "2023-02-09")]),
    ("a plan for the rest of the visit", "Olaf Scholz a été reçu lundi par Emmanuel Macron. Il doit aussi rencontrer "
     "Elisabeth Borne avant de repartir.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-06"),
                                                   ((SCH, "Élisabeth Borne"), "meeting", "planned", "2023-02-06")]),
    ("était censé: overtaken", "Olaf Scholz était censé rencontrer Emmanuel Macron jeudi à Paris.", TUE23,
     [((MAC, SCH), "meeting", "cancelled", "2023-02-09")]),
    ("an infinitive takes the plan that governs it, and the trip makes it a meeting", "Emmanuel Macron doit se "
     "rendre jeudi en Allemagne pour visiter une usine et s'entretenir avec Olaf Scholz.", TUE23,
     [((MAC, SCH), "meeting", "planned", "2023-02-09")]),
    ("être reçu after a plan", "Olaf Scholz doit se rendre jeudi à Paris, puis être reçu par Emmanuel Macron.", TUE23,
     [((MAC, SCH), "meeting", "planned", "2023-02-09")]),
    ("a plan told in the past, called off after a semicolon", "Olaf Scholz devait visiter jeudi une usine et "
     "s'entretenir avec Emmanuel Macron ; la visite et l'entretien sont annulés.", TUE23,
     [((MAC, SCH), "meeting", "cancelled", "2023-02-09")]),
    # -- no contact
    ("negation", "Emmanuel Macron ne s'est pas entretenu avec Vladimir Poutine.", TUE, []),
    ("negation: depuis", "Olaf Scholz n'a pas parlé à Vladimir Poutine depuis décembre.", TUE, []),
    ("conditional", "Emmanuel Macron pourrait rencontrer Donald Trump à Paris.", "2025-06-01", []),
    ("wish", "Emmanuel Macron a estimé qu'il allait redevenir utile de parler à Vladimir Poutine.", TUE, []),
    ("call for", "Emmanuel Macron a appelé Vladimir Poutine à cesser le feu.", TUE, []),
    ("institutions", "L'Elysée a appelé le Kremlin lundi.", TUE, []),
    ("aggregate", "Emmanuel Macron et Vladimir Poutine se sont parlé à plusieurs reprises en 2022.", TUE, []),
    ("listed occasions", "Emmanuel Macron et Vladimir Poutine se sont parlé deux fois en 2024, en mars et en "
     "septembre.", TUE, [((MAC, PUT), "unspecified", "occurred", "2024-03"),
                         ((MAC, PUT), "unspecified", "occurred", "2024-09")]),
    ("denial of the contact", "Emmanuel Macron a appelé Vladimir Poutine lundi, selon la presse russe. L'Elysée a "
     "démenti tout entretien.", TUE, []),
    ("denial of something else", "Emmanuel Macron a appelé Vladimir Poutine lundi. Moscou accuse Kiev de sabotage, ce "
     "que l'Ukraine dément.", TUE, [((MAC, PUT), "phone", "occurred", "2026-02-02")]),
    ("statement about", "Donald Trump a critiqué Volodymyr Zelensky sur son réseau social.", "2025-03-01", []),
    ("no call planned denies nothing", "Joe Biden a parlé dimanche avec Emmanuel Macron. La porte-parole a précisé "
     "qu'aucun appel avec Xi Jinping n'était prévu.", "2022-06-01", [((BID, MAC), "unspecified", "occurred",
                                                                     "2022-05-29")]),
    ("a denial naming another leader spares the last pair", "Joe Biden a parlé dimanche avec Emmanuel Macron. Il "
     "n'y a pas eu d'appel avec Xi Jinping, a ajouté la Maison Blanche.", "2022-06-01",
     [((BID, MAC), "unspecified", "occurred", "2022-05-29")]),
    ("a bare denial covers the last pair", "Joe Biden a parlé dimanche avec Emmanuel Macron, selon la presse. Il "
     "n'y a pas eu d'appel, a répondu l'Elysée.", "2022-06-01", []),
    ("would not say", "Le Kremlin a refusé de dire si Vladimir Poutine avait parlé avec Donald Trump.", "2025-03-01",
     []),
    ("refused contact", "Vladimir Poutine a refusé de recevoir Donald Trump.", "2025-03-01",
     [((PUT, TRU), "meeting", "cancelled", None)]),
    ("souhaiter: a wish", "Volodymyr Zelensky a dit souhaiter un échange avec Xi Jinping.", TUE23, []),
    ("a possessive before a noun is nobody's object", "Emmanuel Macron a reçu lundi Olaf Scholz. Volodymyr Zelensky a "
     "de nouveau appelé les Européens à livrer des armes à son pays.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-06")]),
    ("s'apprêtait à, then called off", "Emmanuel Macron, qui s'apprêtait à accueillir jeudi Olaf Scholz, a annoncé "
     "l'annulation de la visite.", TUE23, [((MAC, SCH), "meeting", "cancelled", "2023-02-09")]),
    ("exhorté à s'entretenir, far down the list", "Emmanuel Macron a appelé lundi Vladimir Poutine, qu'il a exhorté "
     "à accepter un cessez-le-feu et à s'entretenir directement avec Volodymyr Zelensky.", TUE23,
     [((MAC, PUT), "phone", "occurred", "2023-02-06")]),
    ("a count in a second verb phrase leaves the first alone", "Olaf Scholz et Xi Jinping se sont parlé en "
     "visioconférence en 2021, et se sont revus plusieurs fois depuis.", TUE23,
     [((SCH, XI), "video", "occurred", "2021")]),
    # -- dates
    ("disclosure date", "Emmanuel Macron a déclaré vendredi qu'il avait parlé à Olaf Scholz.", TUE,
     [((MAC, SCH), "unspecified", "occurred", None)]),
    ("dateline", "BERLIN, 4 mars (AFP) - Olaf Scholz a appelé Emmanuel Macron hier.", "2022-03-07",
     [((MAC, SCH), "phone", "occurred", "2022-03-03")]),
    ("il y a trois ans", "Les deux présidents, Joe Biden et Xi Jinping, s'étaient vus il y a trois ans.", "2025-11-01",
     [((BID, XI), "meeting", "occurred", "2022")]),
    ("follow-up takes the lead's date", "Emmanuel Macron a reçu lundi Olaf Scholz à l'Elysée. Les deux dirigeants "
     "ont ensuite appelé Volodymyr Zelensky.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-06"),
                                                       ((MAC, SCH, ZEL), "phone", "occurred", "2023-02-06")]),
    ("follow-up in the pluperfect keeps no date", "Emmanuel Macron a reçu lundi Olaf Scholz à l'Elysée. Il avait "
     "appelé Volodymyr Zelensky.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-06"),
                                           ((MAC, ZEL), "phone", "occurred", None)]),
    ("follow-up with other people keeps no date", "Emmanuel Macron a reçu lundi Olaf Scholz à l'Elysée. Joe Biden "
     "a appelé Volodymyr Zelensky.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-06"),
                                             ((BID, ZEL), "phone", "occurred", None)]),
    ("earlier occasion: leur premier ... depuis", "Emmanuel Macron a reçu mardi Olaf Scholz. Il s'agissait de "
     "leur premier entretien depuis le 3 janvier.", TUE23, [((MAC, SCH), "meeting", "occurred", "2023-02-07"),
                                                         ((MAC, SCH), "unspecified", "occurred", "2023-01-03")]),
    ("earlier occasion: après celle de", "Xi Jinping a reçu Vladimir Poutine lundi à Pékin, pour leur deuxième "
     "rencontre de l'année, après celle de Samarcande en septembre.", "2022-12-14",
     [((PUT, XI), "meeting", "occurred", "2022-09"), ((PUT, XI), "meeting", "occurred", "2022-12-12")]),
    ("earlier occasion: leur dernier ... remontait", "Emmanuel Macron et Vladimir Poutine se sont parlé mardi. Leur "
     "dernier échange remontait au 3 mai.", "2022-09-14", [((MAC, PUT), "unspecified", "occurred", "2022-05-03"),
                                                          ((MAC, PUT), "unspecified", "occurred", "2022-09-13")]),
    ("no earlier occasion without a possessive", "Olaf Scholz a rencontré lundi Joe Biden, pour sa première visite à "
     "Washington depuis 2021.", TUE23, [((BID, SCH), "meeting", "occurred", "2023-02-06")]),
    ("au lendemain de: the earlier contact", "Olaf Scholz a reçu jeudi Emmanuel Macron à Berlin. Ce déplacement "
     "intervient au lendemain de l'entretien du président français avec Joe Biden.", TUE23,
     [((MAC, SCH), "meeting", "occurred", "2023-02-02"), ((BID, MAC), "unspecified", "occurred", "2023-02-01")]),
    ("own date beats au lendemain", "Mardi, au lendemain de son investiture, Joe Biden a appelé Emmanuel Macron.",
     TUE23, [((BID, MAC), "phone", "occurred", "2023-02-07")]),
    ("an apposition restates, the list goes on after it", "Volodymyr Zelensky s'est entretenu samedi avec Olaf "
     "Scholz, leur premier entretien depuis l'été, puis dimanche avec Joe Biden.", TUE23,
     [((SCH, ZEL), "unspecified", "occurred", "2023-02-04"), ((BID, ZEL), "unspecified", "occurred", "2023-02-05")]),
    ("a meeting set at a summit takes every partner after 'avec'", "Emmanuel Macron a renoncé à participer à la "
     "réunion qui devait se tenir mardi à Bruxelles, en marge du sommet de l'Union européenne, avec Olaf Scholz et "
     "Volodymyr Zelensky.", TUE23, [((MAC, SCH, ZEL), "meeting", "cancelled", "2023-02-07")]),
    ("counted leaders of a larger gathering", "Joe Biden, Emmanuel Macron, Olaf Scholz, Rishi Sunak et Volodymyr "
     "Zelensky se sont réunis lundi. Volodymyr Zelensky doit ensuite s'entretenir avec les trois dirigeants "
     "européens.", TUE23, [((BID, MAC, SCH, "Rishi Sunak", ZEL), "meeting", "occurred", "2023-02-06"),
                          ((MAC, SCH, "Rishi Sunak", ZEL), "unspecified", "planned", None)]),
    ("earlier occasion of the same kind, dated past a comma", "Emmanuel Macron et Olaf Scholz se sont entretenus "
     "lundi par visioconférence. Leur précédent échange de ce type, le 3 janvier, avait porté sur l'énergie.", TUE23,
     [((MAC, SCH), "video", "occurred", "2023-01-03"), ((MAC, SCH), "video", "occurred", "2023-02-06")]),
    ("'les deux hommes' at a past date: the pair who were leaders then", "Emmanuel Macron a reçu lundi Recep "
     "Tayyip Erdogan. Il doit ensuite s'entretenir avec Olaf Scholz. Les deux hommes s'étaient déjà rencontrés en "
     "2019.", TUE23, [((ERD, MAC), "meeting", "occurred", "2019"), ((ERD, MAC), "meeting", "occurred", "2023-02-06"),
                      ((MAC, SCH), "unspecified", "planned", None)]),
    # -- one event per contact
    ("told twice", "Emmanuel Macron a appelé Olaf Scholz mardi. L'appel entre Emmanuel Macron et Olaf Scholz a "
     "duré une heure.", TUE23, [((MAC, SCH), "phone", "occurred", "2023-02-07")]),
    ("former leader", "Angela Merkel a rencontré Emmanuel Macron lundi.", TUE23, []),
]


@pytest.mark.parametrize(("rule", "text", "published", "expected"), CASES, ids=[c[0] for c in CASES])
def test_contacts_fr_with_parser(parsing_extractor: Extractor, rule: str, text: str, published: str,
                                 expected: list) -> None:
    assert events(parsing_extractor, text, published, "fr") == normalise(expected)


@pytest.mark.parametrize(("rule", "text", "published", "expected"), CASES[:12], ids=[c[0] for c in CASES[:12]])
def test_contacts_fr_without_parser_agree_on_simple_sentences(rules_extractor: Extractor, rule: str, text: str,
                                                              published: str, expected: list) -> None:
    assert events(rules_extractor, text, published, "fr") == normalise(expected)


def test_a_headline_naming_part_of_the_story_s_contact_is_that_contact(parsing_extractor: Extractor) -> None:
    """"La réunion avec Zelensky annulée" over a body that names all three: one cancelled meeting."""
    from kg.model import Article, FuzzyDate

    body = ("Emmanuel Macron a renoncé à participer à la réunion qui devait se tenir mardi à Bruxelles, en marge du "
            "sommet de l'Union européenne, avec Olaf Scholz et Volodymyr Zelensky.")
    article = Article("t.txt", body, "Emmanuel Macron renonce, la réunion avec Zelensky annulée",
                      FuzzyDate.parse(TUE23), "fr", None, "t.txt")
    (event,) = parsing_extractor.extract(article).events
    assert {p.label_en for p in event.participants} == {MAC, SCH, ZEL}
    assert event.status.value == "cancelled"
    assert sum(":title:" in ev.rule for ev in event.evidence) == 1


@pytest.mark.parametrize(("text", "mode"), [
    ("Olaf Scholz doit s'entretenir jeudi à Grenade avec Emmanuel Macron.", "meeting"),  # Granada, the town
    ("Olaf Scholz doit s'entretenir jeudi avec Emmanuel Macron de la situation à la Grenade.", "unspecified"),
])
def test_a_bare_a_before_a_country_s_name_is_a_town(text: str, mode: str) -> None:
    """"à Grenade" is where they meet (the shipped gazetteer knows Grenada as "la Grenade")."""
    from kg.gazetteer.load import shipped_gazetteer

    assert events(Extractor(shipped_gazetteer(), parse=False), text, TUE23, "fr") == normalise(
        [((MAC, SCH), mode, "planned", "2023-02-09")])


def test_a_headline_contact_with_someone_not_yet_in_office_is_none(parsing_extractor: Extractor) -> None:
    """The headline is the day's news: a president-elect then is no leader, dated or not."""
    from kg.model import Article, FuzzyDate

    body = "Emmanuel Macron a rencontré vendredi à Palm Beach le président élu Donald Trump."
    article = Article("t.txt", body, "Emmanuel Macron s'est entretenu avec Donald Trump en Floride",
                      FuzzyDate.parse("2024-11-23"), "fr", None, "t.txt")
    assert parsing_extractor.extract(article).events == ()


def test_a_headline_joins_the_day_of_an_article_dated_by_month(parsing_extractor: Extractor) -> None:
    """Une dépêche datée du seul mois ("2023-02") est proche de chacun de ses jours."""
    from kg.model import Article, FuzzyDate

    body = "Xi Jinping a reçu Emmanuel Macron à Pékin le 10 février. Les deux dirigeants s'étaient parlé en janvier."
    article = Article("t.txt", body, "Xi Jinping reçoit Emmanuel Macron", FuzzyDate.parse("2023-02"), "fr", None,
                      "t.txt")
    got = sorted((e.mode.value, e.date.iso() if e.date else None) for e in parsing_extractor.extract(article).events)
    assert got == [("meeting", "2023-02-10"), ("unspecified", "2023-01")]


@pytest.mark.parametrize(("title", "expected"), [
    ("Entretien téléphonique avec le Président des Etats-Unis d'Amérique, M. Joe Biden", TUE23),
    ("Macron et Biden font le point sur l'Ukraine", None),
])
def test_a_readout_tells_the_day_s_news(parsing_extractor: Extractor, title: str, expected: str | None) -> None:
    """Un compte rendu officiel paraît le jour de l'entretien ; un titre ordinaire ne dit rien du jour."""
    from kg.model import Article, FuzzyDate

    body = "Emmanuel Macron s'est entretenu avec le Président des Etats-Unis, Joe Biden."
    article = Article("t.txt", body, title, FuzzyDate.parse(TUE23), "fr", None, "t.txt")
    got = [(e.date.iso() if e.date else None) for e in parsing_extractor.extract(article).events]
    assert got == [expected]
