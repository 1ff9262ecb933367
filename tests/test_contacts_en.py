"""English contacts, sentence by sentence: one table row per rule, in our own words (no model involved)."""

from __future__ import annotations

import pytest

from kg.pipeline import Extractor
from tests.contact_cases import events, normalise

MAC, PUT, ZEL, SCH, BID, TRU, XI, ERD, NET, GUT = (
    "Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelenskyy", "Olaf Scholz", "Joe Biden", "Donald Trump",
    "Xi Jinping", "Recep Tayyip Erdoğan", "Benjamin Netanyahu", "António Guterres")
FRI = "2023-03-17"  # a Friday

CASES = [
    # -- predicates
    ("spoke with", "President Biden spoke today with President Zelenskyy of Ukraine.", FRI,
     [((BID, ZEL), "unspecified", "occurred", FRI)]),
    ("spoke by phone", "Joe Biden spoke by phone with Xi Jinping on Tuesday.", FRI,
     [((BID, XI), "phone", "occurred", "2023-03-14")]),
    ("talked", "Macron and Scholz talked on Wednesday.", FRI, [((MAC, SCH), "unspecified", "occurred", "2023-03-15")]),
    ("held talks", "Erdogan held talks with Putin in Sochi.", FRI, [((ERD, PUT), "meeting", "occurred", None)]),
    ("telephone conversation", "Vladimir Putin had a telephone conversation with President of France Emmanuel "
     "Macron.", FRI, [((MAC, PUT), "phone", "occurred", None)]),
    ("phoned", "Scholz phoned Zelenskyy yesterday.", FRI, [((SCH, ZEL), "phone", "occurred", "2023-03-16")]),
    ("called", "Biden called Netanyahu on Sunday.", FRI, [((BID, NET), "phone", "occurred", "2023-03-12")]),
    ("met", "Xi met Putin in Moscow on Monday.", "2023-03-21", [((PUT, XI), "meeting", "occurred", "2023-03-20")]),
    ("met with", "Joe Biden met with Olaf Scholz at the White House.", FRI,
     [((BID, SCH), "meeting", "occurred", None)]),
    ("hosted", "Macron hosted Zelenskyy at the Elysee Palace on Feb. 8, 2023.", FRI,
     [((MAC, ZEL), "meeting", "occurred", "2023-02-08")]),
    ("received", "Putin received Erdogan in the Kremlin.", FRI, [((ERD, PUT), "meeting", "occurred", None)]),
    ("welcomed", "Scholz welcomed Macron to Berlin.", FRI, [((MAC, SCH), "meeting", "occurred", None)]),
    ("visited", "Biden visited Zelenskyy in Kyiv last month.", FRI, [((BID, ZEL), "meeting", "occurred", "2023-02")]),
    ("paid a visit", "Scholz paid a visit to Xi last November.", FRI, [((SCH, XI), "meeting", "occurred", "2022-11")]),
    ("sidelines of a summit under way: its days up to the article's", "Biden met Xi on the sidelines of the G20 "
     "summit in Bali.", "2022-11-15", [((BID, XI), "meeting", "occurred", "2022-11-15")]),
    ("a summit named by city years later", "Biden had met Erdogan on the sidelines of the NATO summit in Vilnius.",
     "2024-02-01", [((BID, ERD), "meeting", "occurred", "2023-07")]),
    ("a COP by its number", "Macron met Biden at COP27 in Sharm el-Sheikh.", "2024-02-01",
     [((BID, MAC), "meeting", "occurred", "2022-11")]),
    ("a summit across two months dates nothing", "Biden met Macron on the sidelines of COP26 in Glasgow.",
     "2021-11-02", [((BID, MAC), "meeting", "occurred", None)]),
    ("a summit named by series alone long after dates nothing", "Biden met Xi at the G20 summit.", "2023-03-17",
     [((BID, XI), "meeting", "occurred", None)]),
    ("video call", "Biden and Xi held a video call on Monday.", "2021-11-17",
     [((BID, XI), "video", "occurred", "2021-11-15")]),
    ("virtual summit", "The virtual summit between Joe Biden and Xi Jinping lasted three hours.", "2021-11-17",
     [((BID, XI), "video", "occurred", None)]),
    ("wrote to", "Zelenskyy wrote to Xi asking for help.", FRI, [((XI, ZEL), "letter", "occurred", None)]),
    ("letter", "Putin sent a letter to Biden last week.", "2021-12-01",
     [((BID, PUT), "letter", "occurred", "2021-11")]),
    ("xi-biden call", "The Xi-Biden call lasted two hours.", FRI, [((BID, XI), "phone", "occurred", None)]),
    ("talks during a visit with the host country's other leader", "Putin received Scholz in Moscow on Tuesday. The "
     "chancellor later spoke with Prime Minister Mikhail Mishustin.", "2022-02-18",
     [((SCH, PUT), "meeting", "occurred", "2022-02-15"),
      ((SCH, "Mikhail Mishustin"), "meeting", "occurred", "2022-02-15")]),
    ("a call's own medium beats another occasion's", "Macron called Trump on Monday to prepare the G7 video summit.",
     "2020-03-28", [((MAC, TRU), "phone", "occurred", "2020-03-23")]),
    ("a meeting after a call keeps its own medium", "Scholz spoke by phone with Macron on Friday, then flew to "
     "London, where he met Rishi Sunak.", "2022-11-05",
     [((MAC, SCH), "phone", "occurred", "2022-11-04"), ((SCH, "Rishi Sunak"), "meeting", "occurred", "2022-11-04")]),
    # -- participants
    ("passive", "Zelenskyy was received by Macron at the Elysee.", FRI, [((MAC, ZEL), "meeting", "occurred", None)]),
    ("apposition", "Ukraine's president, Volodymyr Zelenskyy, spoke with the German chancellor.", FRI,
     [((SCH, ZEL), "unspecified", "occurred", None)]),
    ("counterpart", "Macron called his Russian counterpart on Friday.", "2022-02-25",
     [((MAC, PUT), "phone", "occurred", "2022-02-25")]),
    ("kremlin leader", "The Kremlin leader spoke with the US president.", "2022-02-13",
     [((BID, PUT), "unspecified", "occurred", None)]),
    ("role at date", "The US president met the Israeli prime minister.", "2025-07-08",
     [((NET, TRU), "meeting", "occurred", None)]),
    ("he", "Scholz flew to Washington. He met Biden at the White House.", FRI,
     [((BID, SCH), "meeting", "occurred", None)]),
    ("the two leaders", "Biden hosted Macron on Thursday. The two leaders discussed Ukraine.", "2022-12-02",
     [((BID, MAC), "meeting", "occurred", "2022-12-01")]),
    ("both men", "Putin received Xi. Both men spoke of a new era.", FRI, [((PUT, XI), "meeting", "occurred", None)]),
    ("trilateral", "Macron, Scholz and Zelenskyy met in Paris.", FRI,
     [((MAC, SCH, ZEL), "meeting", "occurred", None)]),
    ("several counterparts", "Zelenskyy spoke with Macron, Scholz and Biden.", FRI,
     [((BID, ZEL), "unspecified", "occurred", None), ((MAC, ZEL), "unspecified", "occurred", None),
      ((SCH, ZEL), "unspecified", "occurred", None)]),
    ("fronted adjunct", "In a call with Xi Jinping, Emmanuel Macron raised Ukraine.", FRI,
     [((MAC, XI), "phone", "occurred", None)]),
    ("genitive", "Biden's call with Xi lasted two hours.", FRI, [((BID, XI), "phone", "occurred", None)]),
    ("UN chief", "The UN chief met Zelenskyy in Kyiv.", FRI, [((GUT, ZEL), "meeting", "occurred", None)]),
    ("greeted", "Biden was greeted on the tarmac by Netanyahu on Wednesday.", FRI,
     [((BID, NET), "meeting", "occurred", "2023-03-15")]),
    ("an apposition restates, the list goes on after it", "Zelenskyy held talks with Scholz on Tuesday, their first "
     "face-to-face meeting since the summer, and with Biden on Wednesday.", FRI,
     [((SCH, ZEL), "meeting", "occurred", "2023-03-14"), ((BID, ZEL), "meeting", "occurred", "2023-03-15")]),
    ("a summit's partners after 'with' met together", "Biden attended a summit in Paris on Tuesday with Macron "
     "and Scholz.", FRI, [((BID, MAC, SCH), "meeting", "occurred", "2023-03-14")]),
    ("the setting of another contact is no contact of its own", "Putin addressed a summit on Tuesday and then held "
     "separate meetings with Macron and Scholz.", FRI,
     [((MAC, PUT), "meeting", "occurred", "2023-03-14"), ((PUT, SCH), "meeting", "occurred", "2023-03-14")]),
    ("bare 'the two' before a verb", "Biden received Zelenskyy on Tuesday. The two had first met on December 21.",
     FRI, [((BID, ZEL), "meeting", "occurred", "2022-12-21"), ((BID, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("'the two countries' names nobody", "Biden received Zelenskyy on Tuesday. The two countries met on December "
     "21.", FRI, [((BID, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("a list whose commas sit before the articles", "Macron met the US president, the German chancellor, Olaf "
     "Scholz, and the Ukrainian president on Tuesday.", FRI,
     [((BID, MAC), "meeting", "occurred", "2023-03-14"), ((MAC, SCH), "meeting", "occurred", "2023-03-14"),
      ((MAC, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("joined others for a summit", "On Tuesday, Biden and Scholz joined Macron and Zelenskyy for a virtual summit of "
     "the so-called contact group.", FRI, [((BID, MAC, SCH, ZEL), "video", "occurred", "2023-03-14")]),
    ("an aside in coordinated subjects", "Macron, the current chair of the G7, and the German chancellor, Olaf "
     "Scholz, met Zelenskyy in Kyiv on Tuesday.", FRI, [((MAC, SCH, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("state visit: the head of state who leads is the host", "Scholz paid a state visit to China in April last "
     "year.", FRI, [((SCH, XI), "meeting", "occurred", "2022-04")]),
    ("official visit: no host named", "Scholz paid an official visit to China in April last year.", FRI, []),
    ("each of the two leaders: one contact with each", "Macron and Scholz met on Tuesday. Zelenskyy had held talks "
     "on Monday with each of the two leaders.", FRI, [((MAC, SCH), "meeting", "occurred", "2023-03-14"),
                                                      ((MAC, ZEL), "meeting", "occurred", "2023-03-13"),
                                                      ((SCH, ZEL), "meeting", "occurred", "2023-03-13")]),
    ("a second verb phrase's talks are its subject's", "Biden met Scholz in Berlin on Tuesday and is due in Kyiv "
     "on Monday for talks with Zelenskyy.", FRI, [((BID, SCH), "meeting", "occurred", "2023-03-14"),
                                                  ((BID, ZEL), "meeting", "planned", "2023-03-20")]),
    ("after X was received by Y: a conjunction", "The deal was signed after Scholz was received by Biden on Tuesday.",
     FRI, [((BID, SCH), "meeting", "occurred", "2023-03-14")]),
    ("dined with", "Macron met Putin on Tuesday evening after he first dined with Biden at a restaurant.", FRI,
     [((BID, MAC), "meeting", "occurred", "2023-03-14"), ((MAC, PUT), "meeting", "occurred", "2023-03-14")]),
    ("sent him a letter: the recipient before the thing sent", "Zelenskyy said on Thursday that Biden sent him a "
     "handwritten letter.", FRI, [((BID, ZEL), "letter", "occurred", None)]),
    ("the letter, dated Wednesday: an explicit dating completes the contact", "Biden sent Zelenskyy a letter. The "
     "letter, dated Wednesday, was published on Friday.", FRI, [((BID, ZEL), "letter", "occurred", "2023-03-15")]),
    ("'after' opens a clause, not a list", "Macron met Scholz on Tuesday after Biden called him.", FRI,
     [((BID, MAC), "phone", "occurred", "2023-03-14"), ((MAC, SCH), "meeting", "occurred", "2023-03-14")]),
    ("'their' after two people of its own sentence is those two, not the last contact", "Scholz met Macron on "
     "Monday. Biden and Putin have not spoken since their last call in January.", FRI,
     [((MAC, SCH), "meeting", "occurred", "2023-03-13"), ((BID, PUT), "phone", "occurred", "2023-01")]),
    ("after a fronted 'meeting with X', 'he' is the other one", "Xi arrived in Bali on Sunday. After a long "
     "meeting with Joe Biden on Monday, he met Emmanuel Macron on Tuesday.", "2022-11-16",
     [((BID, XI), "meeting", "occurred", "2022-11-14"), ((MAC, XI), "meeting", "occurred", "2022-11-15")]),
    ("a time opening the sentence dates the clauses after its colon", "On Tuesday evening in Paris, Macron held "
     "two dinners: he first dined with Biden at a restaurant, then received Putin at the Elysee.", FRI,
     [((BID, MAC), "meeting", "occurred", "2023-03-14"), ((MAC, PUT), "meeting", "occurred", "2023-03-14")]),
    ("', a call devoted to ...' in apposition is the same contact", "Macron and Scholz held a video call with Xi "
     "on Monday, a call devoted to climate.", FRI, [((MAC, SCH, XI), "video", "occurred", "2023-03-13")]),
    ("a minor state's foreign minister is no leader; a G20 one is", "Sergey Lavrov met Dmytro Kuleba in Antalya "
     "on Thursday, and Lavrov then met Macron and Kuleba in Paris on Friday.", FRI,
     [((MAC, "Sergey Lavrov"), "meeting", "occurred", FRI)]),
    ("'from August 1' starts a tariff; it does not date the letter", "Trump sent Macron a letter announcing a "
     "tariff on French goods from August 1.", "2025-07-10", [((MAC, TRU), "letter", "occurred", None)]),
    ("visiting a seat of power meets whoever sits there", "Macron visited the White House on Tuesday. Scholz "
     "visited Rome.", FRI, [((BID, MAC), "meeting", "occurred", "2023-03-14")]),
    ("a name in apposition to 'with his old friend' is the partner", "Biden met on Monday with his old friend, "
     "Olaf Scholz.", FRI, [((BID, SCH), "meeting", "occurred", "2023-03-13")]),
    ("'spoke with his aides, X said': no apposition without the possessive phrase's comma", "Biden spoke with his "
     "aides on Monday and Macron said nothing.", FRI, []),
    ("a plural subject alone did a one-sided verb to nobody", "Biden spoke by phone with Scholz on Monday. The "
     "two leaders welcomed the first deliveries of aid.", FRI, [((BID, SCH), "phone", "occurred", "2023-03-13")]),
    ("'the leaders' is the pair just read about", "Biden spoke by phone with Scholz on Monday. The leaders agreed to "
     "meet in April.", FRI, [((BID, SCH), "phone", "occurred", "2023-03-13"),
                            ((BID, SCH), "meeting", "planned", "2023-04")]),
    ("signing together is meeting", "Biden and Scholz signed a joint declaration on Monday.", FRI,
     [((BID, SCH), "meeting", "occurred", "2023-03-13")]),
    ("'since their summit in Geneva in June': that summit happened then, and dates nothing else", "Biden met Putin "
     "on Monday. The two leaders have exchanged letters several times since their summit in Geneva in June.",
     "2022-03-18", [((BID, PUT), "meeting", "occurred", "2022-03-14"), ((BID, PUT), "meeting", "occurred", "2021-06")]),
    ("a letter told with 'since their summit in June' keeps no date", "Biden met Putin on Monday. The two leaders "
     "have exchanged letters since their summit in Geneva in June.", "2022-03-18",
     [((BID, PUT), "letter", "occurred", None), ((BID, PUT), "meeting", "occurred", "2022-03-14"),
      ((BID, PUT), "meeting", "occurred", "2021-06")]),
    ("'the two foreign ministers' are the last pair of foreign ministers", "Jean-Noël Barrot called Sergey Lavrov on "
     "Monday. Macron received Scholz on Tuesday. The two foreign ministers had met on January 3.", "2025-02-05",
     [((MAC, SCH), "meeting", "occurred", "2025-02-04"), (("Jean-Noël Barrot", "Sergey Lavrov"), "meeting", "occurred",
                                                          "2025-01-03"),
      (("Jean-Noël Barrot", "Sergey Lavrov"), "phone", "occurred", "2025-02-03")]),
    ("'off the table' calls off a summit told far before it", "The summit between Joe Biden and Vladimir Putin, "
     "agreed in principle by both sides, is now off the table.", FRI,
     [((BID, PUT), "meeting", "cancelled", None)]),
    ("attending a NATO summit together is no contact", "Macron and Scholz attended the NATO summit in Vilnius on "
     "Tuesday.", FRI, []),
    ("a headline 'X meets A and B at G7 summit': the meetings, not the summit", "Macron meets Biden and Scholz at G7 "
     "summit", FRI, [((BID, MAC), "meeting", "occurred", None), ((MAC, SCH), "meeting", "occurred", None)]),
    ("'declined to' after a contact noun governs another verb", "Biden received Zelenskyy on Friday, a day after "
     "his call with Putin, and declined to commit to new aid.", "2023-03-18",
     [((BID, PUT), "phone", "occurred", "2023-03-16"), ((BID, ZEL), "meeting", "occurred", "2023-03-17")]),
    ("'has just' is the day of the report", "Biden has just welcomed Xi at the entrance of the estate.", FRI,
     [((BID, XI), "meeting", "occurred", FRI)]),
    ("'a separate message' by the same medium is of the same day", "Biden sent a message to Zelenskyy on Monday. "
     "Macron sent a separate message to Scholz.", FRI,
     [((BID, ZEL), "letter", "occurred", "2023-03-13"), ((MAC, SCH), "letter", "occurred", "2023-03-13")]),
    ("another pair's meeting after a call is not of its day", "Biden called Zelenskyy on Monday. Macron held a "
     "separate meeting with Scholz.", FRI,
     [((BID, ZEL), "phone", "occurred", "2023-03-13"), ((MAC, SCH), "meeting", "occurred", None)]),
    ("an epithet ('the billionaire') is the story's main figure", "Trump received Macron on Monday. The French "
     "president praised the welcome. On Tuesday, the billionaire called Zelenskyy.", "2025-02-05",
     [((MAC, TRU), "meeting", "occurred", "2025-02-03"), ((TRU, ZEL), "phone", "occurred", "2025-02-04")]),
    ("'during that meeting, on Tuesday' dates the contact it restates", "Scholz was received by Biden at the White "
     "House. During that meeting, on Tuesday, the US president praised Germany.", FRI,
     [((BID, SCH), "meeting", "occurred", "2023-03-14")]),
    ("'there was no date' denies no contact", "Biden spoke with Putin by phone on Monday. Biden said he did not "
     "want a wasted meeting and that there was no date.", FRI, [((BID, PUT), "phone", "occurred", "2023-03-13")]),
    ("'there was no call' denies the call", "Biden spoke with Putin by phone on Monday, a report said. The White "
     "House said there was no call with Putin.", FRI, []),
    ("'postponed until March 28' is still planned, on the new day", "Zelenskyy postponed his meeting with Scholz "
     "until March 28.", FRI, [((SCH, ZEL), "meeting", "planned", "2023-03-28")]),
    ("'postponed' with no new day is called off", "Zelenskyy postponed his meeting with Scholz.", FRI,
     [((SCH, ZEL), "meeting", "cancelled", None)]),
    ("'the day after talks with X': the main subject's talks, not the object's", "Macron met Zelenskyy in Kyiv on "
     "Tuesday, the day after long talks with Putin in Moscow.", FRI,
     [((MAC, PUT), "meeting", "occurred", "2023-03-13"), ((MAC, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("two days joined by 'or' give their month", "Biden will meet Scholz on Monday or Tuesday.", FRI,
     [((BID, SCH), "meeting", "planned", "2023-03")]),
    ("'more than 60 times' is an aggregate", "Merkel met Macron more than 60 times during their terms.", FRI, []),
    ("'a strong desire to meet' is no contact", "Biden and Xi have a strong desire to meet.", FRI, []),
    ("'During a telephone conversation, X congratulated Y': the main clause's subject and object", "During a "
     "telephone conversation, Putin warmly congratulated Macron on his birthday.", FRI,
     [((MAC, PUT), "phone", "occurred", None)]),
    ("'During a telephone conversation, X and Y had an exchange': both", "During a telephone conversation held at "
     "the French side's initiative, Putin and Macron had a frank exchange of views.", FRI,
     [((MAC, PUT), "phone", "occurred", None)]),
    ("'X and Y made statements following Russian-German talks': their talks", "Putin and Scholz made statements "
     "for the press following Russian-German talks.", FRI, [((PUT, SCH), "meeting", "occurred", None)]),
    ("a 'G20 video summit' is a gathering too", "Biden and Xi joined the G20 video summit.", FRI, []),
    ("an official title run before the name ('with Member of the Presidency of ... Olaf Scholz')", "Putin had a "
     "telephone conversation with Member of the Presidency of the Social Democratic Party of Germany Olaf Scholz.",
     FRI, [((PUT, SCH), "phone", "occurred", None)]),
    ("a title run across a comma and an unresolved title", "Putin held talks in the Kremlin residence with "
     "Chairperson of the European Union, President of the Federal Republic Olaf Scholz.", FRI,
     [((PUT, SCH), "meeting", "occurred", None)]),
    ("a coordinated title before a titled name is another partner, not part of its title", "Biden met with the "
     "French President and German Chancellor Olaf Scholz on Monday.", FRI,
     [((BID, MAC), "meeting", "occurred", "2023-03-13"), ((BID, SCH), "meeting", "occurred", "2023-03-13")]),
    ("a title run needs capitals: 'with reporters of the press' ends it", "Putin spoke with reporters of the press "
     "about Olaf Scholz.", FRI, []),
    ("'the President of the Senate' is no head of state", "Biden praised the trip. The President of the Senate was "
     "received by Scholz on Monday.", FRI, []),
    ("'can call him' is a possibility, not a call", "Biden said Macron can call him whenever he wants.", FRI, []),
    ("'broke off contact' is no contact", "Macron and Putin broke off contact in February.", FRI, []),
    ("an invitation to visit a capital, accepted, is a planned meeting with its leader", "Biden accepted Scholz's "
     "invitation to visit Berlin.", FRI, [((BID, SCH), "meeting", "planned", None)]),
    ("visiting a capital with none of its leaders named sees nobody", "Scholz visited Paris.", FRI, []),
    ("'a planned meeting ... was called off': the noun after 'planned', called off far after it", "A planned meeting "
     "between British Prime Minister Rishi Sunak and President Xi Jinping on the sidelines of the G20 summit was "
     "called off on Wednesday.", "2022-11-17", [((XI, "Rishi Sunak"), "meeting", "cancelled", "2022-11-16")]),
    ("a summit whose name holds the word ('the East Asia Summit') is a gathering", "Biden and Xi attended the East "
     "Asia Summit on Saturday.", FRI, []),
    ("'the two' after a pair that did not meet is that pair", "Biden met Macron on Monday. Xi and Putin attended "
     "the forum but did not meet. The two last met in Beijing in February 2022.", FRI,
     [((BID, MAC), "meeting", "occurred", "2023-03-13"), ((PUT, XI), "meeting", "occurred", "2022-02")]),
    ("a list goes on past a titled person we do not know ('Vice President JD Vance and ...')", "Macron received "
     "the US vice president JD Vance and Chancellor Olaf Scholz on Monday.", FRI,
     [((MAC, SCH), "meeting", "occurred", "2023-03-13")]),
    ("a titled name spelt another way is the office's holder ('Chancellor of Germany Olaf Scholtz')", "Biden had a "
     "phone conversation with Chancellor of Germany Olaf Scholtz.", FRI, [((BID, SCH), "phone", "occurred", None)]),
    ("a titled name too unlike the holder's stays someone else", "Biden had a phone conversation with Chancellor "
     "of Germany Friedrich Merz.", FRI, [((BID, "Friedrich Merz"), "phone", "occurred", None)]),
    ("'X travelled ..., a day after being elected, for talks with Y': X's talks", "Scholz travelled to Paris on "
     "Wednesday, a day after being elected, for talks with Macron.", FRI, [((MAC, SCH), "meeting", "occurred",
                                                                           "2023-03-15")]),
    ("'earlier that month' dates a contact by the month named before", "Biden and Xi last met in Bali in November, "
     "after a video call earlier that month.", FRI, [((BID, XI), "meeting", "occurred", "2022-11"),
                                                   ((BID, XI), "video", "occurred", "2022-11")]),
    ("'nothing against talking to X' is no contact", "Biden said he had nothing against talking to Putin.", FRI, []),
    ("'trade talks' are negotiations, not the leaders' contact", "Biden and Scholz agreed to resume trade talks "
     "next week.", FRI, []),
    ("plain 'talks' with a leader stay a meeting", "Biden held talks with Scholz on Monday.", FRI,
     [((BID, SCH), "meeting", "occurred", "2023-03-13")]),
    ("'delivered a message from X to Y': the carrier is no party", "Scholz delivered a message from Zelenskyy to "
     "Putin.", FRI, [((PUT, ZEL), "letter", "occurred", None)]),
    ("a lead where two leaders announce together dates the visit told next", "Biden and Scholz announced a deal on "
     "energy on Monday. The US president, received at the chancellery by the German chancellor, hailed progress.",
     FRI, [((BID, SCH), "meeting", "occurred", "2023-03-13")]),
    ("'it would have been the first meeting since June' is no plan", "Biden called off his talks with Xi. It would "
     "have been the first meeting between the two leaders since June.", FRI,
     [((BID, XI), "meeting", "cancelled", None)]),
    ("arranging a meeting is planning it", "Biden and Xi asked their teams to look into arranging an in-person "
     "meeting.", FRI, [((BID, XI), "meeting", "planned", None)]),
    ("organising a call is planning it", "Scholz's office is organising a call between Scholz and Macron.", FRI,
     [((MAC, SCH), "phone", "planned", None)]),
    ("a meeting described inside a postponed visit moves with it", "Scholz postponed a trip to Beijing that had "
     "been planned for Monday, when he was due to meet Xi, until April 4.", FRI,
     [((SCH, XI), "meeting", "planned", "2023-04-04")]),
    ("a president-elect is not the president in office", "Macron spoke with the US president-elect on Monday.",
     "2024-11-14", []),
    ("'calls off' names no phone call", "Biden calls off meeting with Xi.", FRI,
     [((BID, XI), "meeting", "cancelled", None)]),
    ("a contact over two days is dated by what both share", "Scholz hosted Macron in Berlin on Monday and "
     "Tuesday.", FRI, [((MAC, SCH), "meeting", "occurred", "2023-03")]),
    ("'possibly a meeting' is no plan", "Scholz is due in Washington on Monday for talks with Biden, and possibly "
     "a meeting with Xi.", FRI, [((BID, SCH), "meeting", "planned", "2023-03-20")]),
    ("'would seek talks' plans nothing yet", "Erdogan said he would also seek talks with Putin.", FRI, []),
    ("a plan told, then its outcome the same day: one held contact", "08:30 - Biden will greet Xi at the estate "
     "this morning. 11:25 - Biden has just welcomed Xi at the entrance.", "2023-11-15",
     [((BID, XI), "meeting", "occurred", "2023-11-15")]),
    ("the host of a summit does not meet each guest", "Scholz signed the pact on Monday, on the first day of a summit "
     "of European leaders hosted by Macron.", FRI, []),
    ("guard: a call 'initiated by' X has X on the line, unlike a summit 'hosted by' X", "Putin had a telephone "
     "conversation initiated by the French President.", FRI, [((MAC, PUT), "phone", "occurred", None)]),
    ("a possessive in a fronted phrase is the subject after its comma", "In his message to Xi, Putin praised their "
     "ties. In his message to Erdogan, the Russian president recalled their treaty.", FRI,
     [((ERD, PUT), "letter", "occurred", None), ((PUT, XI), "letter", "occurred", None)]),
    ("an undated held contact is the day's news: it fulfils the plan for today", "Biden will sit down with Xi "
     "later this morning. Biden greeted Xi on the steps and the two men walked in together.", FRI,
     [((BID, XI), "meeting", "occurred", FRI)]),
    ("counted contacts are no one contact", "Biden and Xi have held five calls or video calls since January 2021.",
     FRI, []),
    ("hosting two leaders for a summit of the three is one meeting of three", "Biden hosted Macron and Scholz at "
     "Camp David on Monday for a summit of the three leaders.", FRI,
     [((BID, MAC, SCH), "meeting", "occurred", "2023-03-13")]),
    ("an undated side meeting of some of a dated meeting's people took place that day", "Biden, Macron and Scholz "
     "met at Camp David on Monday. Macron and Scholz also held a separate bilateral meeting there, a sign of the "
     "thaw since Scholz took office.", FRI,
     [((BID, MAC, SCH), "meeting", "occurred", "2023-03-13"), ((MAC, SCH), "meeting", "occurred", "2023-03-13")]),
    ("a surname that ends a hyphenated surname is someone else's", "Macron met Maria Keller-Scholz on Monday.",
     FRI, []),
    ("an undated lead is today's news, not last month's meeting three weeks back", "Zelenskyy met Scholz in Kyiv. "
     "The two leaders had last met in Berlin in April.", "2023-05-22",
     [((SCH, ZEL), "meeting", "occurred", None), ((SCH, ZEL), "meeting", "occurred", "2023-04")]),
    ("'come to' a country is a visit to its leader named there", "Biden said Xi would come to the United States "
     "next year.", FRI, [((BID, XI), "meeting", "planned", "2024")]),
    ("guard: 'came to power' visits nobody", "Xi came to power in 2012, Biden recalled.", FRI, []),
    ("'and that' goes on with the reported speech", "Biden said he would travel to Paris, and that Xi would come to "
     "the United States in May.", FRI, [((BID, XI), "meeting", "planned", "2023-05")]),
    ("'brief X and Y over dinner': one dinner of all three", "Biden flew to Berlin on Monday to brief Scholz and "
     "Macron over dinner.", FRI, [((BID, MAC, SCH), "meeting", "occurred", "2023-03-13")]),
    ("'warned X and Y during a call': one call of all three", "Putin warned Macron and Scholz during a call on "
     "Monday.", FRI, [((MAC, PUT, SCH), "phone", "occurred", "2023-03-13")]),
    ("a meeting of leaders with a president-elect is still the leaders' meeting", "Macron, Scholz and Trump met in "
     "Paris on 12 November 2024.", "2024-11-20", [((MAC, SCH), "meeting", "occurred", "2024-11-12")]),
    ("a host receiving several leaders at once meets them all together", "Zelenskyy welcomed Macron, Scholz and "
     "Biden at the Mariinsky Palace on Monday.", FRI, [((BID, MAC, SCH, ZEL), "meeting", "occurred", "2023-03-13")]),
    ("guard: received 'separately' stays one meeting each", "Biden received Macron and Scholz separately on Monday.",
     FRI, [((BID, MAC), "meeting", "occurred", "2023-03-13"), ((BID, SCH), "meeting", "occurred", "2023-03-13")]),
    ("'their first meeting since Russia invaded in February' names no February meeting", "Macron and Scholz held "
     "their first meeting in Kyiv since Russia invaded in February.", "2022-06-16",
     [((MAC, SCH), "meeting", "occurred", None)]),
    ("a country's genitive before a partner's name ('with India's Modi')", "Biden spoke with Germany's Olaf Scholz "
     "on Monday.", FRI, [((BID, SCH), "unspecified", "occurred", "2023-03-13")]),
    ("a two-word country's genitive too", "Biden held talks with Turkey's Recep Tayyip Erdogan on Monday.", FRI,
     [((BID, ERD), "meeting", "occurred", "2023-03-13")]),
    ("a subordinate gerund's subject is the main clause's, never its object", "Envoys from Africa were due to meet "
     "Putin on Saturday, a day after holding talks with Zelenskyy in Kyiv.", FRI, []),
    ("a list of subjects with countries' genitives and a relative aside", "Germany's Olaf Scholz, France's "
     "Emmanuel Macron, Turkey's Recep Tayyip Erdogan, who chairs the group, and US President Joe Biden met Zelenskyy "
     "in Kyiv on Monday.", FRI, [((BID, ERD, MAC, SCH, ZEL), "meeting", "occurred", "2023-03-13")]),
    ("'was due in X for a summit with Y' is a plan", "Biden was due in Berlin on Monday for a summit with Scholz.",
     "2023-03-13", [((BID, SCH), "meeting", "planned", "2023-03-13")]),
    ("an Indian honorific between title and name ('Prime Minister Shri Narendra Modi')", "President Shri Joe "
     "Biden met Chancellor Olaf Scholz.", FRI, [((BID, SCH), "meeting", "occurred", None)]),
    ("who reports the plan after a comma is no partner", "Biden agreed to visit Poland, Foreign Secretary Jane Doe "
     "told reporters.", FRI, []),
    ("a leader reporting it is no partner either", "Biden will meet the Polish leader, Chancellor Olaf Scholz told "
     "reporters.", FRI, []),
    ("guard: calls to a president-elect by two leaders are no call between them", "Macron and Scholz also called "
     "Trump on 12 November 2024.", "2024-11-20", []),
    ("a visit to a country sees its leader named earlier in the article", "Zelenskyy had a phone conversation today "
     "with Scholz. They reviewed the results of Scholz's visit to Ukraine earlier this month.", FRI,
     [((SCH, ZEL), "meeting", "occurred", "2023-03"), ((SCH, ZEL), "phone", "occurred", FRI)]),
    ("a list between dashes is an apposition inside the clause", "The four leaders — Macron, Scholz, Biden and "
     "Zelenskyy — started talks on Monday.", FRI, [((BID, MAC, SCH, ZEL), "meeting", "occurred", "2023-03-13")]),
    ("'the following day' of a plan follows the plan's coming day", "Scholz is due to meet Zelenskyy in Kyiv on "
     "Monday and Putin in Moscow the following day.", FRI,
     [((SCH, ZEL), "meeting", "planned", "2023-03-20"), ((PUT, SCH), "meeting", "planned", "2023-03-21")]),
    ("'three days later' counts from the day told before", "Scholz met Biden on March 10. Three days later, Scholz "
     "hosted Macron in Berlin.", FRI,
     [((BID, SCH), "meeting", "occurred", "2023-03-10"), ((MAC, SCH), "meeting", "occurred", "2023-03-13")]),
    ("a queen consort is no leader to mint", "Macron will host King Charles III and Queen Consort Camilla at the "
     "Elysée on Sunday.", FRI, [(("Charles III", MAC), "meeting", "planned", "2023-03-19")]),
    ("an indefinite role names nobody: 'him' is the other person", "It was the first meeting between a sitting "
     "US president and Xi since Macron met him in Beijing in December 2022.", FRI,
     [((MAC, XI), "meeting", "occurred", "2022-12")]),
    # -- status
    ("will meet", "Biden will meet Xi next week.", "2023-11-08", [((BID, XI), "meeting", "planned", "2023-11")]),
    ("expected to speak", "Macron is expected to speak with Putin on Friday.", "2022-02-23",
     [((MAC, PUT), "unspecified", "planned", "2022-02-25")]),
    ("plans to visit", "Scholz plans to visit Xi in November.", "2022-10-01",
     [((SCH, XI), "meeting", "planned", "2022-11")]),
    ("called off", "Biden called off his meeting with Putin.", "2022-02-25",
     [((BID, PUT), "meeting", "cancelled", None)]),
    ("declined to meet", "Zelenskyy declined to meet Steinmeier.", "2022-04-13",
     [(("Frank-Walter Steinmeier", ZEL), "meeting", "cancelled", None)]),
    ("did not speak", "Scholz did not speak with Putin.", FRI, []),
    ("have not spoken since", "Biden and Putin have not spoken since February.", FRI, []),
    ("could", "Trump could meet Putin in Alaska.", "2025-08-01", []),
    ("look forward", "Macron said he looks forward to meeting Trump.", "2025-01-10", []),
    ("called for", "Biden called for a ceasefire in Gaza.", FRI, []),
    ("called on", "Guterres called on Putin to stop the war.", FRI, []),
    ("called him", "Trump called Zelenskyy a dictator.", "2025-02-20", []),
    ("press conference", "Biden spoke to reporters about Xi.", FRI, []),
    ("aggregate", "Macron and Putin have spoken several times this year.", "2022-06-01", []),
    ("denied the report", "Trump spoke with Putin on Tuesday, a newspaper said. The Kremlin denied the report.", FRI,
     []),
    ("denial of an accusation", "Biden spoke with Zelenskyy on Tuesday. Moscow accused Kyiv of shelling the plant, "
     "which Ukraine denies.", FRI, [((BID, ZEL), "unspecified", "occurred", "2023-03-14")]),
    ("no call planned denies nothing", "Biden spoke with Zelenskyy on Tuesday. No call with Xi is planned for now, "
     "the White House said.", FRI, [((BID, ZEL), "unspecified", "occurred", "2023-03-14")]),
    ("a denial naming another leader spares the last pair", "Biden spoke with Zelenskyy on Tuesday. There has been "
     "no call with Xi, the White House said.", FRI, [((BID, ZEL), "unspecified", "occurred", "2023-03-14")]),
    ("according to", "According to the Kremlin, Putin spoke with Macron on Tuesday.", FRI,
     [((MAC, PUT), "unspecified", "occurred", "2023-03-14")]),
    ("arranged and did not take place", "A meeting between Biden and Zelenskyy that had been scheduled for Tuesday "
     "did not take place, both sides said.", FRI, [((BID, ZEL), "meeting", "cancelled", "2023-03-14")]),
    ("denied, not arranged", "Biden spoke with Zelenskyy on Tuesday, a newspaper said. The White House said the "
     "call did not take place.", FRI, []),
    ("whether", "Biden met Zelenskyy on Tuesday. Zelenskyy declined to say whether the two had discussed "
     "jets.", FRI, [((BID, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("would not confirm", "The Kremlin declined to confirm that Putin had spoken with Macron.", FRI, []),
    ("in the coming months", "Biden and Xi will speak by phone in the coming months.", FRI,
     [((BID, XI), "phone", "planned", None)]),
    ("a far 'deny' denies nothing", "Biden and Zelenskyy signed a pledge to deny Russia any victory on Tuesday, "
     "after holding talks in Kyiv.", FRI, [((BID, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("a near 'denied' does", "The Kremlin denied that Putin had spoken with Macron on Tuesday.", FRI, []),
    ("had been due to: overtaken", "Biden had been due to arrive on Sunday for talks with Zelenskyy.", FRI,
     [((BID, ZEL), "meeting", "cancelled", "2023-03-19")]),
    ("refused to take calls", "Zelenskyy has refused to take calls from Putin.", FRI,
     [((PUT, ZEL), "phone", "cancelled", None)]),
    ("urged to hold talks, far down the list", "Macron called Putin on Tuesday and urged him to agree to a "
     "ceasefire, to free prisoners and to hold direct talks with Zelenskyy.", FRI,
     [((MAC, PUT), "phone", "occurred", "2023-03-14")]),
    ("no plans for a call", "The Kremlin said there were no plans for a phone call between Putin and Biden.", FRI, []),
    ("afterwards: the coordinated verb keeps its subject", "Biden phoned Zelenskyy on Tuesday and afterwards spoke "
     "with Scholz.", FRI, [((BID, SCH), "phone", "occurred", "2023-03-14"),
                           ((BID, ZEL), "phone", "occurred", "2023-03-14")]),
    ("an accepted invitation to visit the inviter's country", "Xi invited Biden to visit China later this year, "
     "and Biden accepted.", FRI, [((BID, XI), "meeting", "planned", "2023")]),
    ("an invitation alone is no plan", "Xi invited Biden to visit China later this year.", FRI, []),
    ("a count in a second verb phrase leaves the first alone", "Biden and Xi first talked by video in 2021, and have "
     "met several times since.", FRI, [((BID, XI), "video", "occurred", "2021")]),
    # -- dates
    ("an earlier occasion dates nothing that follows", "Biden met Zelenskyy in Kyiv on Tuesday, their first meeting "
     "since they met in Washington in December. Biden later phoned Scholz.", FRI,
     [((BID, SCH), "phone", "occurred", "2023-03-14"), ((BID, ZEL), "meeting", "occurred", "2022-12"),
      ((BID, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("a sentence about an earlier occasion passes no date on", "Biden met Zelenskyy in Kyiv on Tuesday. They had "
     "last met in Washington in December. Biden phoned Scholz.", FRI,
     [((BID, SCH), "phone", "occurred", "2023-03-14"), ((BID, ZEL), "meeting", "occurred", "2022-12"),
      ((BID, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("had earlier: the same day", "Guterres was received by Putin at the Kremlin on Tuesday. Guterres had earlier "
     "held talks with Sergey Lavrov.", FRI, [((GUT, PUT), "meeting", "occurred", "2023-03-14"),
                                            ((GUT, "Sergey Lavrov"), "meeting", "occurred", "2023-03-14")]),
    ("had previously: another day", "Guterres was received by Putin at the Kremlin on Tuesday. Guterres had "
     "previously held talks with Sergey Lavrov.", FRI, [((GUT, PUT), "meeting", "occurred", "2023-03-14"),
                                                        ((GUT, "Sergey Lavrov"), "meeting", "occurred", None)]),
    ("disclosure date", "Biden said on Friday that he had spoken with Xi.", FRI,
     [((BID, XI), "unspecified", "occurred", None)]),
    ("dateline", "KYIV, March 4 (Reuters) - Zelenskyy spoke with Macron yesterday.", "2022-03-07",
     [((MAC, ZEL), "unspecified", "occurred", "2022-03-03")]),
    ("on March 3", "Putin and Erdogan spoke on March 3.", FRI, [((ERD, PUT), "unspecified", "occurred", "2023-03-03")]),
    ("follow-up takes the lead's date", "Biden hosted Scholz at the White House on Thursday. The two leaders then "
     "held a joint call with Zelenskyy.", FRI, [((BID, SCH), "meeting", "occurred", "2023-03-16"),
                                                ((BID, SCH, ZEL), "phone", "occurred", "2023-03-16")]),
    ("follow-up about an earlier occasion", "Biden hosted Scholz at the White House on Thursday. The two leaders "
     "had already spoken by phone.", FRI, [((BID, SCH), "meeting", "occurred", "2023-03-16"),
                                           ((BID, SCH), "phone", "occurred", None)]),
    ("earlier occasion: their first since", "Macron met Xi in Bali on Tuesday, their first meeting since 2019.",
     "2022-11-16", [((MAC, XI), "meeting", "occurred", "2019"), ((MAC, XI), "meeting", "occurred", "2022-11-15")]),
    ("earlier occasion: after the one", "Erdogan and Putin held talks in Sochi on Monday, their second meeting this "
     "year after the one in Tehran in July.", "2022-08-10",
     [((ERD, PUT), "meeting", "occurred", "2022-07"), ((ERD, PUT), "meeting", "occurred", "2022-08-08")]),
    ("a day after: the earlier contact", "Scholz held talks with Macron in Paris on Tuesday. The talks came a day "
     "after Macron hosted Zelenskyy at the Elysee.", FRI, [((MAC, SCH), "meeting", "occurred", "2023-03-14"),
                                              ((MAC, ZEL), "meeting", "occurred", "2023-03-13")]),
    ("a day earlier", "Putin received Erdogan on Thursday. A day earlier, Erdogan had spoken with Zelenskyy.", FRI,
     [((ERD, PUT), "meeting", "occurred", "2023-03-16"), ((ERD, ZEL), "unspecified", "occurred", "2023-03-15")]),
    ("own date beats a day after", "On Wednesday, a day after his inauguration, Biden called Macron.", FRI,
     [((BID, MAC), "phone", "occurred", "2023-03-15")]),
    ("this afternoon is no day after", "Macron held a videoconference with Xi this afternoon.", FRI,
     [((MAC, XI), "video", "occurred", FRI)]),
    ("planned: purpose of a planned trip", "Xi is due in Paris on Monday to meet Macron.", FRI,
     [((MAC, XI), "meeting", "planned", "2023-03-20")]),
    ("occurred: purpose of a past trip", "Scholz travelled to Paris on Thursday to meet Macron.", FRI,
     [((MAC, SCH), "meeting", "occurred", "2023-03-16")]),
    ("a bare title means whom the article gave it to", "Xi hosted the President of the Republic, Emmanuel Macron, on "
     "Tuesday. The President of the Republic then called Zelenskyy.", FRI,
     [((MAC, XI), "meeting", "occurred", "2023-03-14"), ((MAC, ZEL), "phone", "occurred", "2023-03-14")]),
    ("held talks: in person unless told otherwise", "Biden held talks with Xi on Monday.", FRI,
     [((BID, XI), "meeting", "occurred", "2023-03-13")]),
    ("held talks by phone", "Biden held talks by phone with Xi on Monday.", FRI,
     [((BID, XI), "phone", "occurred", "2023-03-13")]),
    ("a country is no meeting place", "Biden spoke with Netanyahu in Israel on Monday.", FRI,
     [((BID, NET), "unspecified", "occurred", "2023-03-13")]),
    ("a town is one", "Biden spoke with Netanyahu in Tel Aviv on Monday.", FRI,
     [((BID, NET), "meeting", "occurred", "2023-03-13")]),
    ("planned: for talks after a planned trip", "Macron is due in Berlin on Thursday for talks with Scholz.", FRI,
     [((MAC, SCH), "meeting", "planned", "2023-03-23")]),
    ("planned: reported would", "Scholz said he would speak with Biden by phone in the coming days.", FRI,
     [((BID, SCH), "phone", "planned", None)]),
    ("cancelled: the scheduled date", "On Monday Biden called off the summit with Xi scheduled for March 30.", FRI,
     [((BID, XI), "meeting", "cancelled", "2023-03-30")]),
    ("passive, coordinated: received together", "Macron and Scholz were received by Biden on Monday.", FRI,
     [((BID, MAC, SCH), "meeting", "occurred", "2023-03-13")]),
    ("listed occasions", "Biden and Xi spoke by phone twice last year, in February and September.", FRI,
     [((BID, XI), "phone", "occurred", "2022-02"), ((BID, XI), "phone", "occurred", "2022-09")]),
    ("a dated lead without a contact dates the next", "Biden arrived in Kyiv on Monday. He held talks with Zelenskyy.",
     FRI, [((BID, ZEL), "meeting", "occurred", "2023-03-13")]),
    ("all three leaders: the separate calls already read", "Biden spoke by phone with Scholz, with Macron and with "
     "Zelenskyy. He discussed tanks with all three leaders.", FRI,
     [((BID, MAC), "phone", "occurred", None), ((BID, SCH), "phone", "occurred", None),
      ((BID, ZEL), "phone", "occurred", None)]),
    ("a plan in the next verb phrase is not this one's", "Biden met Zelenskyy in Kyiv on Wednesday and is due in "
     "Warsaw on Thursday.", FRI, [((BID, ZEL), "meeting", "occurred", "2023-03-15")]),
    ("earlier occasion: their last", "Biden met Xi on Monday. Their last meeting was in Bali in November 2022.",
     "2023-11-16", [((BID, XI), "meeting", "occurred", "2022-11"), ((BID, XI), "meeting", "occurred", "2023-11-13")]),
    ("another occasion's phone word", "Biden received Zelenskyy at the White House on Friday, a day after his call "
     "with Putin.", "2023-03-18", [((BID, PUT), "phone", "occurred", "2023-03-16"),
                                   ((BID, ZEL), "meeting", "occurred", "2023-03-17")]),
    ("a call on Thursday is no 'call on X to'", "Xi warned Biden over Taiwan during a call on Thursday.", FRI,
     [((BID, XI), "phone", "occurred", "2023-03-16")]),
    ("a long adjunct noun phrase", "Biden warned Putin in a two-hour video call on Tuesday.", FRI,
     [((BID, PUT), "video", "occurred", "2023-03-14")]),
    ("a visit to a seat of power", "Scholz's visit to the White House on Tuesday went well.", FRI,
     [((BID, SCH), "meeting", "occurred", "2023-03-14")]),
    ("a visit to a city names nobody", "Scholz visited Kyiv on Tuesday.", FRI, []),
    ("each partner its place and day", "Scholz met Zelenskyy in Kyiv on Tuesday and Putin in Moscow on Wednesday.",
     FRI, [((PUT, SCH), "meeting", "occurred", "2023-03-15"), ((SCH, ZEL), "meeting", "occurred", "2023-03-14")]),
    ("the date of what comes after 'ahead of'", "Biden and Scholz had a phone call ahead of the holiday on March 20.",
     FRI, [((BID, SCH), "phone", "occurred", None)]),
    ("no contact: too early", "The Kremlin said it was too early to talk of a meeting between Putin and Zelenskyy.",
     FRI, []),
    ("a video shown is no video call", "Scholz's visit to the White House on Tuesday turned tense when Biden played "
     "a video.", FRI, [((BID, SCH), "meeting", "occurred", "2023-03-14")]),
    ("planned follow-up", "Erdogan will meet Putin in Sochi on Monday. The two leaders are then expected to call "
     "Macron.", FRI, [((ERD, PUT), "meeting", "planned", "2023-03-20"),
                      ((ERD, MAC, PUT), "phone", "planned", "2023-03-20")]),
]


@pytest.mark.parametrize(("rule", "text", "published", "expected"), CASES, ids=[c[0] for c in CASES])
def test_contacts_en(rules_extractor: Extractor, rule: str, text: str, published: str, expected: list) -> None:
    assert events(rules_extractor, text, published, "en") == normalise(expected)


def test_contacts_en_first_person_readout_names_its_author(rules_extractor: Extractor) -> None:
    from tests.conftest import make_article

    art = make_article("I had a long phone conversation with President Biden today.", "2023-03-17", "en")
    art = type(art)(art.id, art.text, "President of Ukraine had a phone call with the US President",
                    art.published, "en")
    (event,) = rules_extractor.extract(art).events
    assert sorted(p.label_en for p in event.participants) == [BID, ZEL]
    assert event.date is not None and event.date.iso() == "2023-03-17"


@pytest.mark.parametrize(("title", "expected"), [
    ("PM call with President Biden: 17 March 2023", [BID, "Rishi Sunak"]),
    ("Leaders talk about Ukraine", None),  # no unnamed PM in the headline: "the Prime Minister" stays unknown
])
def test_contacts_en_pm_readout_names_its_country_s_prime_minister(rules_extractor: Extractor, title: str,
                                                                    expected: list | None) -> None:
    """"The Prime Minister" of a "PM call with" readout leads the first state named where a prime minister
    leads: Syria's and Ukraine's presidents lead, so "the United Kingdom" it is."""
    from tests.conftest import make_article

    art = make_article("The Prime Minister spoke to President Biden this evening. He said Ukraine, Syria and the "
                       "United Kingdom stood together.", "2023-03-17", "en")
    art = type(art)(art.id, art.text, title, art.published, "en")
    found = [sorted(p.label_en for p in e.participants) for e in rules_extractor.extract(art).events]
    assert found == ([sorted(expected)] if expected else [])


def test_contacts_en_first_person_without_an_author_is_nobody(rules_extractor: Extractor) -> None:
    assert events(rules_extractor, "I had a long phone conversation with President Biden today.", FRI, "en") == []


def test_contacts_en_we_in_a_readout_is_its_author_and_latest_counterpart(rules_extractor: Extractor) -> None:
    from tests.conftest import make_article

    art = make_article("I had a long phone conversation with President Biden today. We agreed to meet in person in "
                       "April.", "2023-03-17", "en")
    art = type(art)(art.id, art.text, "President of Ukraine had a phone call with the US President",
                    art.published, "en")
    got = sorted((e.mode.value, e.status.value, e.date.iso() if e.date else None)
                 for e in rules_extractor.extract(art).events if {p.label_en for p in e.participants} == {BID, ZEL})
    assert got == [("meeting", "planned", "2023-04"), ("phone", "occurred", "2023-03-17")]


def test_contacts_en_we_without_an_author_is_nobody(rules_extractor: Extractor) -> None:
    assert events(rules_extractor, "Biden spoke with Zelenskyy. We agreed to meet in April, a spokesman said.", FRI,
                  "en") == [((BID, ZEL), "unspecified", "occurred", None)]


def test_contacts_en_headline_joins_the_day_of_an_article_dated_by_month(rules_extractor: Extractor) -> None:
    """An article dated only "2023-03" is near any day of March: its undated headline is the body's meeting."""
    from tests.conftest import make_article

    art = make_article("Xi met Biden in Beijing on March 10. The two had spoken by phone in January.", "2023-03", "en")
    art = type(art)(art.id, art.text, "Xi receives Biden in Beijing", art.published, "en")
    got = sorted((e.mode.value, e.status.value, e.date.iso() if e.date else None)
                 for e in rules_extractor.extract(art).events)
    assert got == [("meeting", "occurred", "2023-03-10"), ("phone", "occurred", "2023-01")]


def test_contacts_en_plural_counterparts_named_in_apposition_are_those_people() -> None:
    """"his Japanese counterparts, Foreign Minister X and Defence Minister Y": X (a leader) and Y (not),
    not one more Japanese leader (the shipped gazetteer knows Japan's prime minister of the day)."""
    from kg.gazetteer.load import shipped_gazetteer

    text = ("It came after talks on Wednesday between Secretary of State Antony Blinken and his Japanese "
            "counterparts, Foreign Minister Yoshimasa Hayashi and Defence Minister Yasukazu Hamada.")
    assert events(Extractor(shipped_gazetteer(), parse=False), text, "2023-01-13", "en") == normalise(
        [(("Antony Blinken", "Yoshimasa Hayashi"), "meeting", "occurred", "2023-01-11")])


@pytest.mark.parametrize(("title", "expected"), [
    ("Biden to host Xi at the White House", [("meeting", "planned", "2023-03-20")]),
    ("Biden hosts Xi at the White House", [("meeting", "occurred", None), ("meeting", "planned", "2023-03-20")]),
])
def test_contacts_en_headline_subject_to_verb_is_a_plan(rules_extractor: Extractor, title: str,
                                                        expected: list) -> None:
    """Headline English drops "is": "Biden to host Xi" announces the visit the body says is to come."""
    from tests.conftest import make_article

    art = make_article("Biden will receive Xi at the White House on Monday.", FRI, "en")
    art = type(art)(art.id, art.text, title, art.published, "en")
    got = sorted(((e.mode.value, e.status.value, e.date.iso() if e.date else None)
                  for e in rules_extractor.extract(art).events), key=lambda r: (r[0], r[1], r[2] or ""))
    assert got == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # A readout is published the day of its contact; its lead rarely repeats the day.
    ("Telephone conversation with President of France Emmanuel Macron",
     "Vladimir Putin had a telephone conversation with Emmanuel Macron.", [("phone", "occurred", FRI)]),
    ("Readout of President Biden's Call with President Zelenskyy of Ukraine",
     "President Biden spoke with President Zelenskyy of Ukraine.", [("phone", "occurred", FRI)]),
    # An ordinary headline says nothing of the day: the contact stays undated.
    ("Putin and Macron talk about Ukraine", "Vladimir Putin had a telephone conversation with Emmanuel Macron.",
     [("phone", "occurred", None)]),
    # An earlier contact the readout recalls keeps no date it does not state.
    ("Telephone conversation with President of France Emmanuel Macron",
     "Vladimir Putin and Emmanuel Macron had last spoken by phone before the summer.", [("phone", "occurred", None)]),
    # A live report's "has met" is today's.
    ("Live: Biden in Kyiv", "11:25 — Biden has met Zelenskyy at the Mariinsky Palace. 11:40 — More soon.",
     [("meeting", "occurred", FRI)]),
])
def test_contacts_en_readouts_and_live_reports_tell_the_day_s_news(rules_extractor: Extractor, title: str,
                                                                    body: str, expected: list) -> None:
    from tests.conftest import make_article

    art = make_article(body, FRI, "en")
    art = type(art)(art.id, art.text, title, art.published, "en")
    got = sorted((e.mode.value, e.status.value, e.date.iso() if e.date else None)
                 for e in rules_extractor.extract(art).events)
    assert got == expected


def test_contacts_en_pm_readout_home_beats_the_seat_where_the_talks_were(rules_extractor: Extractor) -> None:
    """"PM meeting with President Macron" at the Elysée: the Prime Minister is the author's, not France's."""
    from tests.conftest import make_article

    art = make_article("The Prime Minister met President Emmanuel Macron at the Elysée Palace in Paris today for the "
                       "first UK-France summit in five years.", "2023-03-10", "en")
    art = type(art)(art.id, art.text, "PM meeting with President Macron: 10 March 2023", art.published, "en")
    assert [sorted(p.label_en for p in e.participants) for e in rules_extractor.extract(art).events] == [
        [MAC, "Rishi Sunak"]]


@pytest.mark.parametrize(("title", "readout"), [
    ("Telephone conversation with President of Finland Sauli Niinistö", True),
    ("Readout of President Joe Biden's Meeting with Prime Minister Kishida Fumio of Japan", True),
    ("PM call with President Trump: 26 January 2025", True),
    ("Volodymyr Zelenskyy held a phone conversation with Prime Minister of Japan Fumio Kishida", True),
    ("Russian-Chinese talks", True),
    ("Entretien téléphonique avec le Président des Etats-Unis", True),
    ("Trump says he had a phone call with Putin, Kremlin denies", False),  # reported, not the office's own
    ("Biden and Xi hold talks in Bali", False),
])
def test_readout_headlines(title: str, readout: bool) -> None:
    from kg.extract.news_day import is_readout

    assert is_readout(title) is readout
