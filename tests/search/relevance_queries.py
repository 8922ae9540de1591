"""Relevance set: what patients type, and the page (or pages) that should come first.

Three kinds, about a third each: the words the pages use; lay words and abbreviations;
misspellings and US spellings. Written from how people ask (forums, helpline questions),
not from the search code. The benchmark imports QUERIES too.
"""

PAGE = "page words"
LAY = "lay words and abbreviations"
TYPO = "misspellings and US spellings"

WHAT_IS = "/about/what-is-secondary-breast-cancer/"
CURABLE = "/about/is-it-curable/"
PROGNOSIS = "/about/diagnosis-and-prognosis/"
TESTS = "/about/tests-and-scans/"
FOLLOW_UP = "/about/monitoring-and-follow-up/"
OVERVIEW = "/treatments/treatment-overview/"
HORMONE = "/treatments/hormone-therapy/"
CHEMO = "/treatments/chemotherapy/"
TARGETED = "/treatments/targeted-therapy/"
BONE = "/treatments/bone-strengthening-treatment/"
RADIO = "/treatments/radiotherapy/"
SURGERY = "/treatments/surgery/"
BREAKS = "/treatments/treatment-breaks-and-stopping-treatment/"
TRIALS = "/treatments/clinical-trials/"
PAIN = "/side-effects/pain/"
FATIGUE = "/side-effects/fatigue/"
BREATH = "/side-effects/breathlessness/"
NAUSEA = "/side-effects/nausea-and-vomiting/"
CONSTIPATION = "/side-effects/constipation/"
DIARRHOEA = "/side-effects/diarrhoea/"
APPETITE = "/side-effects/appetite-and-weight-changes/"
CLOTS = "/emergencies/blood-clots/"
CALCIUM = "/emergencies/hypercalcaemia/"
SEPSIS = "/emergencies/neutropenic-sepsis/"
MSCC = "/emergencies/spinal-cord-compression/"
FEELINGS = "/living-with/emotional-support/"
WORK = "/living-with/work-money-and-daily-life/"
PALLIATIVE = "/living-with/palliative-care/"
HOSPICES = "/living-with/hospices/"
APPOINTMENTS = "/living-with/making-the-most-of-appointments/"
LIVING_WELL = "/living-with/living-well/"
HELPLINES = "/support/helplines-and-support-groups/"
CARE_TEAM = "/support/your-care-team/"

# (query, kind, pages that count as a right first answer)
CASES = [
    # --- the words the pages use -------------------------------------------------------
    ("secondary breast cancer", PAGE, [WHAT_IS]),
    ("can secondary breast cancer be cured", PAGE, [CURABLE]),
    ("prognosis", PAGE, [PROGNOSIS]),
    ("biopsy", PAGE, [TESTS]),
    ("tumour markers blood test", PAGE, [TESTS, FOLLOW_UP]),
    ("hormone therapy", PAGE, [HORMONE]),
    ("chemotherapy", PAGE, [CHEMO]),
    ("trastuzumab", PAGE, [TARGETED]),
    ("bisphosphonates", PAGE, [BONE]),
    ("stereotactic radiotherapy", PAGE, [RADIO]),
    ("clinical trials", PAGE, [TRIALS]),
    ("taking a break from treatment", PAGE, [BREAKS]),
    ("fatigue", PAGE, [FATIGUE]),
    ("breathlessness", PAGE, [BREATH]),
    ("nausea and vomiting", PAGE, [NAUSEA]),
    ("laxatives", PAGE, [CONSTIPATION]),
    ("diarrhoea", PAGE, [DIARRHOEA]),
    ("nutritional supplements", PAGE, [APPETITE]),
    ("blood clots", PAGE, [CLOTS]),
    ("hypercalcaemia", PAGE, [CALCIUM]),
    ("neutropenic sepsis", PAGE, [SEPSIS]),
    ("spinal cord compression", PAGE, [MSCC]),
    ("palliative care", PAGE, [PALLIATIVE]),
    ("hospice", PAGE, [HOSPICES]),
    ("breast care nurse", PAGE, [CARE_TEAM]),
    ("denosumab", PAGE, [BONE]),
    # --- lay words and abbreviations ----------------------------------------------------
    ("chemo", LAY, [CHEMO]),
    ("mets", LAY, [WHAT_IS]),
    ("stage 4", LAY, [WHAT_IS]),
    ("herceptin", LAY, [TARGETED]),
    ("tired all the time", LAY, [FATIGUE]),
    ("feeling sick", LAY, [NAUSEA]),
    ("DVT", LAY, [CLOTS]),
    ("PE", LAY, [CLOTS]),
    ("high temperature", LAY, [SEPSIS]),
    ("high calcium", LAY, [CALCIUM]),
    ("bone drugs", LAY, [BONE]),
    ("hormone tablets", LAY, [HORMONE]),
    ("back pain and numb legs", LAY, [MSCC]),
    ("high temperature shivering", LAY, [SEPSIS]),
    ("swollen leg", LAY, [CLOTS]),
    ("confused and thirsty", LAY, [CALCIUM]),
    ("can't poo", LAY, [CONSTIPATION]),
    ("the runs", LAY, [DIARRHOEA]),
    ("not hungry", LAY, [APPETITE]),
    ("out of breath", LAY, [BREATH]),
    ("painkillers", LAY, [PAIN]),
    ("how long have I got", LAY, [PROGNOSIS]),
    ("is it terminal", LAY, [CURABLE]),
    ("money worries and benefits", LAY, [WORK]),
    ("time off work", LAY, [WORK]),
    ("someone to talk to", LAY, [FEELINGS, HELPLINES]),
    ("scared and anxious", LAY, [FEELINGS]),
    ("MDT", LAY, [OVERVIEW, CARE_TEAM]),
    ("xgeva", LAY, [BONE]),
    ("fever after chemo", LAY, [SEPSIS]),
    ("chest pain and breathless", LAY, [CLOTS]),
    # --- misspellings and US spellings --------------------------------------------------
    ("hypercalcemia", TYPO, [CALCIUM]),
    ("diarrhea", TYPO, [DIARRHOEA]),
    ("estrogen receptor positive", TYPO, [HORMONE]),
    ("tumor markers", TYPO, [TESTS, FOLLOW_UP]),
    ("dyspnea", TYPO, [BREATH]),
    ("counseling", TYPO, [FEELINGS]),
    ("trastuzamab", TYPO, [TARGETED]),
    ("hercepton", TYPO, [TARGETED]),
    ("chemotheraphy", TYPO, [CHEMO]),
    ("radiotheraphy", TYPO, [RADIO]),
    ("hypercalcaemea", TYPO, [CALCIUM]),
    ("nutropenic sepsis", TYPO, [SEPSIS]),
    ("spinal chord compression", TYPO, [MSCC]),
    ("fatique", TYPO, [FATIGUE]),
    ("constipaton", TYPO, [CONSTIPATION]),
    ("diarhoea", TYPO, [DIARRHOEA]),
    ("nausia", TYPO, [NAUSEA]),
    ("breathlesness", TYPO, [BREATH]),
    ("palliative care hospise", TYPO, [HOSPICES, PALLIATIVE]),
    ("biospy", TYPO, [TESTS]),
    ("capecitibine", TYPO, [CHEMO]),
    ("zoledronic acd", TYPO, [BONE]),
    ("tamoxifin", TYPO, [HORMONE]),
    ("letrazole", TYPO, [HORMONE]),
    ("clinical trails", TYPO, [TRIALS]),
]

# The shape the benchmark imports: (query, [expected urls]).
QUERIES = [(query, expected) for query, _, expected in CASES]
