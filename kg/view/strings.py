"""The words of the page, in the language of the labels (``--label-lang``)."""

from __future__ import annotations

UI: dict[str, dict] = {
    "en": {
        "leaders": "leaders", "contact": "contact", "contacts": "contacts", "of": "of", "search": "Find a leader…",
        "search_button": "Find", "not_found": "No leader matches", "hidden": "hidden by the filters",
        "colour_by": "Colour by", "by_region": "region", "by_country": "country",
        "filters": "Filters", "from": "From", "to": "To", "undated": "include undated contacts",
        "mode": "Kind of contact", "status": "Status", "reset": "Reset filters", "legend": "Legend",
        "other_countries": "Other countries", "close": "Close", "with": "with", "topics": "Topics",
        "sources": "Sources", "no_title": "(untitled article)", "undated_short": "undated",
        "shown": "shown with the current filters", "more": "more: click for the full list",
        "show_all": "Show all", "unlinked": "Not linked to Wikidata", "empty": "No contacts in this graph.",
        "timeline": "Contacts over time: drag to choose a period, double-click to clear it",
        "undated_count": "undated", "issued": "published",
        "modes": {"phone": "phone call", "meeting": "meeting", "video": "video call", "letter": "correspondence",
                  "unspecified": "contact (kind not stated)"},
        "statuses": {"occurred": "occurred", "planned": "planned", "cancelled": "cancelled",
                     "unknown": "status unknown"},
    },
    "fr": {
        "leaders": "dirigeants", "contact": "contact", "contacts": "contacts", "of": "sur",
        "search": "Chercher un dirigeant…",
        "search_button": "Chercher", "not_found": "Aucun dirigeant ne correspond à", "hidden": "masqué par les filtres",
        "colour_by": "Couleur par", "by_region": "région", "by_country": "pays",
        "filters": "Filtres", "from": "Du", "to": "Au", "undated": "inclure les contacts non datés",
        "mode": "Type de contact", "status": "Statut", "reset": "Réinitialiser", "legend": "Légende",
        "other_countries": "Autres pays", "close": "Fermer", "with": "avec", "topics": "Sujets",
        "sources": "Sources", "no_title": "(article sans titre)", "undated_short": "non daté",
        "shown": "affichés avec les filtres actuels", "more": "de plus : cliquer pour la liste complète",
        "show_all": "Tout afficher", "unlinked": "Non relié à Wikidata", "empty": "Aucun contact dans ce graphe.",
        "timeline": "Contacts dans le temps : glisser pour choisir une période, double-cliquer pour l'effacer",
        "undated_count": "non datés", "issued": "publié le",
        "modes": {"phone": "appel téléphonique", "meeting": "rencontre", "video": "visioconférence",
                  "letter": "correspondance", "unspecified": "contact (forme non précisée)"},
        "statuses": {"occurred": "a eu lieu", "planned": "prévu", "cancelled": "annulé", "unknown": "statut inconnu"},
    },
}


def ui(lang: str) -> dict:
    return UI.get(lang, UI["en"])
