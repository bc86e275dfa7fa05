"""An invented newsroom feed: articles about 20 invented events in several fields, as outlets write them.

    articles = feed(400)                      # round-robin over the events, as a wire delivers them
    articles = event_articles("quake", 10)    # ten reports of one event
    body = articles[0].body()                 # a POST /v1/articles body (about 5 KB of text)

Every event has its own places, people, organisations and figures; each outlet picks a share of the
event's sentences in its own order, pads them with the background paragraphs newsrooms add (filled in with
the event's own names), and now and then states a figure differently (a discrepancy to find). Everything is
written for Tally's tests and benchmarks: no text is taken from real news.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    """One invented event: names to fill the background paragraphs with, headlines, sentences, figures."""

    key: str
    day: str  # publication date of its first reports (ISO)
    names: dict[str, str]  # place, official, org, noun, group
    titles: tuple[str, ...]
    lead: tuple[str, ...]  # sentences that open a report
    facts: tuple[tuple[int, str], ...]  # (figure, sentence with {n}): the figures outlets may disagree on
    colour: tuple[str, ...] = ()


EVENTS: tuple[Event, ...] = (
    Event(
        "quake", "2031-03-04",
        {"place": "Selvara", "official": "Governor Ilse Marant", "org": "the Selvara Seismic Institute",
         "noun": "earthquake", "group": "survivors"},
        ("Earthquake flattens old quarter of Selvara", "Selvara quake: rescuers dig through rubble",
         "Deadly tremor shakes Selvara before dawn"),
        ("A magnitude 6.4 earthquake struck Selvara before dawn, "
         "toppling the bell towers of the old quarter.",
         "The quake's epicentre lay under the Tolmin foothills, the Selvara Seismic Institute said."),
        ((42, "At least {n} people were killed when the earthquake hit Selvara."),
         (310, "Hospitals in Selvara treated {n} injured people by nightfall."),
         (1200, "Some {n} buildings were damaged across the Tolmin foothills."),
         (27, "Seismologists recorded {n} aftershocks in the first twelve hours."),
         (4500, "About {n} residents spent the night in tents pitched on the Selvara football ground.")),
        ("Rescuers with sniffer dogs crawled through the rubble of a collapsed bakery on Lantern Street.",
         "Aftershocks rattled shuttered windows as families queued for bottled water.",
         "Engineers marked cracked facades with red paint and barred residents from returning.",
         "Church bells that had hung for three centuries lay cracked in the cathedral square.",
         "Volunteers passed bricks hand to hand to free a family trapped in a cellar."),
    ),
    Event(
        "ferry", "2031-03-05",
        {"place": "Port Avel", "official": "Harbourmaster Teodor Quill", "org": "the Avel Coast Guard",
         "noun": "ferry sinking", "group": "passengers"},
        ("Ferry Marisol sinks off Port Avel", "Port Avel ferry capsizes in a gale",
         "Divers search wreck of the Marisol"),
        ("The ferry Marisol capsized in a gale two miles off Port Avel "
         "on its evening crossing to Skarra island.",
         "Coast guard cutters and fishing trawlers hauled survivors from the freezing swell."),
        ((212, "The Marisol was carrying {n} passengers when it listed and sank."),
         (198, "Lifeboats rescued {n} people from the water, the Avel Coast Guard said."),
         (9, "Divers recovered {n} bodies from the hull of the Marisol."),
         (14, "{n} crew members were taken to the Port Avel infirmary with hypothermia."),
         (38, "The Marisol, built {n} years ago, had failed a hull inspection in the spring.")),
        ("Relatives waited on the quay wrapped in blankets as the trawlers came in.",
         "The Skarra island crossing has been suspended until the wreck is raised.",
         "Salvage barges anchored above the wreck as the gale eased.",
         "The Marisol's captain radioed a mayday as the car deck flooded.",
         "Survivors said lifejackets were locked in a cabinet on the upper deck."),
    ),
    Event(
        "wildfire", "2031-03-06",
        {"place": "Kestrel Hills", "official": "Fire Chief Ondine Barr", "org": "the Kestrel Fire Service",
         "noun": "wildfire", "group": "evacuees"},
        ("Wildfire races through Kestrel Hills", "Kestrel Hills blaze forces mass evacuation",
         "Firefighters battle Kestrel wildfire overnight"),
        ("A wind-driven wildfire tore through the pine forests of Kestrel Hills, jumping the ridge road.",
         "Water-bombing planes scooped from Lake Imber to douse the flames above the vineyards."),
        ((8400, "The fire has burned {n} hectares of pine forest and scrub."),
         (61, "At least {n} homes were destroyed in the hamlet of Crowe End."),
         (3100, "Police ordered {n} people to leave their homes."),
         (450, "More than {n} firefighters were deployed on the fire lines."),
         (12, "The blaze is {n} percent contained, the Kestrel Fire Service said.")),
        ("Embers carried by gusts lit spot fires in the vineyards below the ridge.",
         "Evacuees slept in the gymnasium of the Kestrel secondary school.",
         "Smoke from the Kestrel blaze turned the afternoon sky orange.",
         "Helicopters dropped fire retardant along the ridge road to protect the vineyards.",
         "Goat herders drove their flocks down from the scorched slopes."),
    ),
    Event(
        "flood", "2031-03-07",
        {"place": "Marrow Valley", "official": "Mayor Pellam Voss", "org": "the Marrow River Authority",
         "noun": "flood", "group": "households"},
        ("River Marrow bursts its banks", "Flood waters swamp Marrow Valley towns",
         "Marrow Valley flooding cuts off villages"),
        ("The river Marrow burst its banks after four days of "
         "torrential rain, swamping the valley's market towns.",
         "Sandbag walls gave way in Lower Haddon as the flood crest passed the old stone bridge."),
        ((5, "The river crested at {n} metres above its usual level."),
         (2300, "Floodwater entered {n} homes in Lower Haddon and Brisk."),
         (140, "Rescuers in boats lifted {n} people from rooftops."),
         (3, "{n} people drowned when their car was swept off the causeway."),
         (18, "The Marrow River Authority opened {n} emergency shelters.")),
        ("Farmers moved cattle to higher pastures as the water rose over the water meadows.",
         "The old stone bridge at Lower Haddon was closed after debris piled against its arches.",
         "Volunteers filled sandbags in the car park of the Brisk livestock market.",
         "Brown water lapped at the counters of shops on the Lower Haddon high street.",
         "Army lorries ferried stranded pensioners from the flooded water meadows."),
    ),
    Event(
        "election", "2031-03-08",
        {"place": "Norden", "official": "Returning Officer Maud Esker",
         "org": "the Norden Electoral Commission", "noun": "election count", "group": "voters"},
        ("Norden election: Greens take the capital", "Norden vote count ends in a hung parliament",
         "Turnout surges in Norden general election"),
        ("Norden's general election ended in a hung parliament, with "
         "the Green Alliance of Tove Lindqvar first.",
         "The count in the capital's exhibition hall ran through the "
         "night under the eyes of party observers."),
        ((61, "Turnout reached {n} percent, the highest since the republic's founding."),
         (1204332, "The Green Alliance won {n} votes nationally."),
         (48, "The Greens took {n} of the parliament's seats."),
         (39, "The ruling Civic Party fell to {n} seats."),
         (151, "A majority requires 76 of the {n} seats in the Norden parliament.")),
        ("Tove Lindqvar told cheering supporters that coalition talks would begin on Monday.",
         "Party observers challenged a batch of postal ballots from the northern fjord districts.",
         "The Civic Party leader conceded shortly after dawn.",
         "Postal ballots from the fjord districts were recounted under police guard.",
         "Coalition arithmetic dominated the talk at party headquarters."),
    ),
    Event(
        "results", "2031-03-09",
        {"place": "Aldmouth", "official": "Chief Executive Rhona Keel", "org": "Halvorsen Foods",
         "noun": "annual results", "group": "shareholders"},
        ("Halvorsen Foods profit jumps on frozen meals", "Halvorsen beats forecasts as sales climb",
         "Halvorsen Foods raises dividend after record year"),
        ("Halvorsen Foods reported a jump in annual profit as sales of its frozen ready meals climbed.",
         "Shares in the Aldmouth-based food maker rose sharply in early trading."),
        ((4, "Revenue rose to ${n}.2 billion for the year."),
         (610, "Pre-tax profit climbed to ${n} million."),
         (18, "The company will raise its dividend by {n} percent."),
         (7, "Halvorsen shares rose {n} percent in early trading."),
         (14000, "The group employs {n} people at its plants.")),
        ("Rhona Keel credited a new line of frozen noodle dishes sold through discount grocers.",
         "Analysts had expected rising costs for cartons and freight to squeeze margins.",
         "The company plans to open a second cold store outside Aldmouth.",
         "Sales of frozen noodle dishes doubled in discount grocers, the company said.",
         "Halvorsen warned that carton and freight costs would keep rising."),
    ),
    Event(
        "cupfinal", "2031-03-10",
        {"place": "Corvale", "official": "Coach Ivo Brandt", "org": "Corvale United",
         "noun": "cup final", "group": "fans"},
        ("Corvale United lift the Wessmark Cup", "Late header wins the cup for Corvale",
         "Dunmere beaten in the Wessmark Cup final"),
        ("Corvale United beat Dunmere Athletic 3-1 in the Wessmark Cup final, sealing it with a late header.",
         "Striker Pavo Ruel scored twice as Corvale came from behind at the Meridian Stadium."),
        ((61000, "A crowd of {n} filled the Meridian Stadium."),
         (88, "Ruel headed the third goal in the {n}th minute."),
         (27, "It is Corvale's first Wessmark Cup in {n} years."),
         (2, "Dunmere had {n} players booked in the first half.")),
        ("Corvale fans spilled onto the pitch at the final whistle, waving claret scarves.",
         "Dunmere's goalkeeper was left on his knees after the third goal.",
         "The Corvale squad will parade the trophy through the old town on Sunday.",
         "Claret flares lit the away end as Ruel wheeled away to celebrate his header.",
         "Dunmere's captain blamed a slippery pitch for the equaliser."),
    ),
    Event(
        "hurricane", "2031-03-11",
        {"place": "Isla Brava", "official": "Premier Dalia Onfroy", "org": "the Brava Met Office",
         "noun": "hurricane", "group": "islanders"},
        ("Hurricane Odalys slams Isla Brava", "Odalys tears roofs off in Isla Brava",
         "Isla Brava counts the cost of Hurricane Odalys"),
        ("Hurricane Odalys made landfall on Isla Brava, ripping roofs "
         "from homes and flattening banana plantations.",
         "Storm surge flooded the harbour front of San Telmo, the island's capital."),
        ((185, "Odalys brought sustained winds of {n} kilometres per hour."),
         (6, "At least {n} people were killed on the island."),
         (40000, "Power was cut to {n} homes across Isla Brava."),
         (3, "The storm surge reached {n} metres in San Telmo harbour.")),
        ("Fishing boats were tossed onto the promenade of San Telmo.",
         "Islanders sheltered in church halls as the eye of Odalys passed overhead.",
         "Banana growers said the plantations on the windward coast were lost.",
         "Corrugated roofing sheets were scattered across the San Telmo promenade.",
         "The eye of Odalys passed over the windward banana plantations at dusk."),
    ),
    Event(
        "derailment", "2031-03-12",
        {"place": "Greywick", "official": "Transport Minister Aurel Fenn", "org": "Northern Rail Lines",
         "noun": "derailment", "group": "commuters"},
        ("Freight train derails near Greywick", "Greywick derailment spills chlorine tankers",
         "Toxic fears after Greywick train crash"),
        ("A freight train carrying chlorine tankers left the rails "
         "near Greywick, forcing the town's evacuation.",
         "Hazardous-materials crews in sealed suits worked through the night on the twisted wagons."),
        ((23, "{n} wagons left the track on the curve north of Greywick."),
         (5, "{n} of the tankers were carrying liquid chlorine."),
         (1700, "Police evacuated {n} residents living within two kilometres of the wreck."),
         (11, "{n} people were treated for breathing difficulties."),
         (90, "The train was travelling at {n} kilometres per hour when it derailed.")),
        ("Northern Rail Lines said a cracked rail joint was being examined by investigators.",
         "Commuter services between Greywick and Hollins were replaced by buses.",
         "Residents were told to keep windows shut while the tankers were made safe.",
         "Chlorine vapour drifted over the sidings as crews plugged a leaking valve.",
         "The twisted tanker wagons lay across both tracks north of Greywick."),
    ),
    Event(
        "strike", "2031-03-13",
        {"place": "Tamsin", "official": "Union Leader Berit Holm", "org": "Tamsin Motors",
         "noun": "strike", "group": "workers"},
        ("Tamsin Motors workers walk out", "Strike halts Tamsin car assembly lines",
         "Tamsin Motors strike enters second day"),
        ("Workers at Tamsin Motors walked out over pay, halting the "
         "assembly lines at the company's main plant.",
         "Pickets gathered at the factory gates in the industrial estate east of Tamsin."),
        ((3400, "About {n} workers joined the strike."),
         (12, "The union is demanding a pay rise of {n} percent over two years."),
         (4, "Management has offered {n} percent."),
         (900, "The plant normally builds {n} vans a day.")),
        ("Berit Holm said members would not return until management improved its offer.",
         "Pickets lit braziers by the gates as the night shift failed to clock in.",
         "Suppliers of seats and windscreens said they had stopped deliveries to the plant.",
         "Half-built vans stood on the silent assembly lines of the Tamsin plant.",
         "Pickets handed leaflets about the pay claim to passing drivers."),
    ),
    Event(
        "budget", "2031-03-14",
        {"place": "Velmont", "official": "Councillor Hesper Dunne", "org": "the Velmont city council",
         "noun": "school budget", "group": "parents"},
        ("Velmont council passes school budget", "Velmont approves budget after late-night vote",
         "Teachers protest as Velmont budget passes"),
        ("Velmont's city council approved the school budget after a stormy session that ran past midnight.",
         "Teachers and parents packed the public gallery of the council chamber, chanting over the debate."),
        ((312, "The budget sets aside {n} million euros for schools."),
         (24, "Councillors voted {n} to 19 in favour."),
         (6, "{n} primary schools will be merged under the plan."),
         (150, "The plan cuts {n} teaching assistant posts.")),
        ("Hesper Dunne defended the mergers as the only way to repair crumbling classrooms.",
         "The teachers' union said it would ballot members on a walkout.",
         "Parents held handwritten placards naming the schools to be merged.",
         "The council chamber gallery erupted when the vote on school mergers was read out.",
         "Crumbling classrooms with leaking roofs were cited in the budget papers."),
    ),
    Event(
        "bridge", "2031-03-15",
        {"place": "Carrowmore", "official": "County Engineer Lise Darrow",
         "org": "the Carrowmore roads agency", "noun": "bridge collapse", "group": "motorists"},
        ("Bridge collapses into Carrow estuary", "Carrowmore bridge gives way at rush hour",
         "Inquiry ordered into Carrowmore bridge collapse"),
        ("A span of the Carrowmore road bridge collapsed into the estuary at rush hour, taking cars with it.",
         "Divers searched the murky estuary for vehicles as cranes lifted concrete slabs."),
        ((7, "{n} cars plunged into the water when the span fell."),
         (4, "{n} people are confirmed dead."),
         (60, "The bridge was opened {n} years ago."),
         (45, "The collapsed span was {n} metres long.")),
        ("Lise Darrow said the bridge had been inspected last autumn and declared sound.",
         "Motorists face a detour of an hour around the head of the estuary.",
         "Survivors described the road deck tilting before it dropped into the water.",
         "Concrete slabs of the fallen span jutted from the estuary mud at low tide.",
         "Cranes on barges lifted a submerged van from the estuary."),
    ),
    Event(
        "cyberattack", "2031-03-16",
        {"place": "St Brannoc", "official": "Hospital Director Caius Wren", "org": "St Brannoc Hospital",
         "noun": "cyberattack", "group": "patients"},
        ("Ransomware cripples St Brannoc Hospital", "Hackers steal St Brannoc patient records",
         "St Brannoc diverts ambulances after hack"),
        ("A ransomware attack crippled the computer systems of St "
         "Brannoc Hospital, forcing staff onto paper.",
         "Ambulances were diverted to neighbouring hospitals as the emergency ward went offline."),
        ((1300000, "The hackers copied records of {n} patients."),
         (80, "The gang demanded {n} bitcoin for a decryption key."),
         (400, "Some {n} operations were postponed."),
         (3, "Systems were down for {n} days.")),
        ("Nurses wrote medication charts by hand and ran test results between wards.",
         "Caius Wren said the hospital would not pay the ransom.",
         "Patients were told to watch for phishing messages using their records.",
         "Ransomware notes flashed on screens in the emergency ward before the network went dark.",
         "Paper charts and whiteboards replaced the hospital's patient records system."),
    ),
    Event(
        "mine", "2031-03-17",
        {"place": "Kolvik", "official": "Mine Manager Ragna Stolt", "org": "Kolvik Mining",
         "noun": "mine rescue", "group": "miners"},
        ("Miners trapped underground at Kolvik", "Rescuers reach trapped Kolvik miners",
         "All miners freed from flooded Kolvik shaft"),
        ("Rescuers reached miners trapped by flooding in a copper "
         "mine at Kolvik after drilling through rock.",
         "A narrow capsule winched the men up the rescue borehole one at a time."),
        ((27, "{n} miners were trapped when water flooded the lower gallery."),
         (350, "The men were trapped {n} metres underground."),
         (52, "The rescue took {n} hours."),
         (4, "{n} miners were taken to hospital.")),
        ("Families kept vigil by the pithead around fires through the night.",
         "Engineers pumped water from the flooded gallery while the borehole was drilled.",
         "Ragna Stolt said the flooding came from an old, unmapped working.",
         "The rescue capsule, barely wider than a man's shoulders, made dozens of trips up the borehole.",
         "Pumps drained the flooded copper gallery around the clock."),
    ),
    Event(
        "ratehike", "2031-03-18",
        {"place": "Estmark", "official": "Governor Sorrel Achter", "org": "the Bank of Estmark",
         "noun": "rate decision", "group": "borrowers"},
        ("Bank of Estmark raises interest rates", "Estmark rate rise surprises markets",
         "Mortgage costs climb as Estmark lifts rates"),
        ("The Bank of Estmark raised its benchmark interest rate, "
         "surprising markets that had expected a pause.",
         "The krona jumped against the euro after the announcement."),
        ((4, "The benchmark rate rises to {n}.25 percent."),
         (25, "It is an increase of {n} basis points."),
         (5, "Inflation stood at {n}.1 percent last month."),
         (7, "Members of the rate committee voted {n} to 2 for the rise.")),
        ("Sorrel Achter said price rises in rents and services had proved stubborn.",
         "Estate agents warned that first-time buyers would be priced out.",
         "Shares of Estmark banks rose while builders fell.",
         "Mortgage lenders raised their fixed-rate offers within hours of the rate decision.",
         "The krona's jump made imported fuel cheaper for Estmark motorists."),
    ),
    Event(
        "marathon", "2031-03-19",
        {"place": "Aster City", "official": "Race Director Noor Pell", "org": "the Aster City Marathon",
         "noun": "marathon", "group": "runners"},
        ("Course record falls at Aster City Marathon", "Kibet Arlow wins Aster City Marathon",
         "Heat tests runners in Aster City"),
        ("Kibet Arlow broke the course record at the Aster City "
         "Marathon, pulling clear on the riverside stretch.",
         "Spectators lined the boulevards as the leaders swept past the cathedral."),
        ((31000, "{n} runners started the race."),
         (26, "The temperature reached {n} degrees Celsius by noon."),
         (140, "Medics treated {n} runners for heat exhaustion."),
         (48, "Arlow beat the old record by {n} seconds.")),
        ("Water stations ran short of cups in the last ten kilometres.",
         "Arlow dedicated the win to his training group in the highlands.",
         "Noor Pell said the start would be moved earlier next year because of the heat.",
         "Arlow surged past the cathedral with the chasing pack strung out behind him.",
         "Medics wheeled exhausted runners into tents beside the finish line."),
    ),
    Event(
        "drought", "2031-03-20",
        {"place": "Ardel", "official": "Water Commissioner Wenna Roe", "org": "the Ardel Water Board",
         "noun": "drought", "group": "farmers"},
        ("Ardel imposes water rationing", "Drought drains Ardel reservoirs",
         "Hosepipe ban across Ardel province"),
        ("Ardel province ordered water rationing as its reservoirs fell to their lowest level in decades.",
         "Cracked mud flats stretched across the bed of the Ravel reservoir."),
        ((19, "Reservoirs are at {n} percent of capacity."),
         (120, "Households will be limited to {n} litres a day."),
         (9, "It has not rained for {n} weeks."),
         (2, "{n} million people are affected by the rationing.")),
        ("Farmers sold cattle early because the pastures had burnt brown.",
         "Tanker lorries delivered water to hill villages whose springs had failed.",
         "Wenna Roe asked residents to report leaking pipes.",
         "Irrigation channels in the Ravel valley lay dry and cracked.",
         "Hosepipe bans were posted on lamp posts across Ardel province."),
    ),
    Event(
        "airshow", "2031-03-21",
        {"place": "Fenwick", "official": "Aviation Inspector Joss Harrow", "org": "the Fenwick Air Show",
         "noun": "air show crash", "group": "spectators"},
        ("Vintage plane crashes at Fenwick Air Show", "Fenwick air show crash kills pilot",
         "Investigators examine Fenwick crash wreckage"),
        ("A vintage biplane crashed into a field beside the runway "
         "during the Fenwick Air Show, killing its pilot.",
         "The biplane failed to pull out of a loop and hit the ground behind the hangars."),
        ((1, "{n} pilot was killed."),
         (15000, "About {n} spectators were watching the display."),
         (84, "The biplane was built {n} years ago."),
         (2, "{n} spectators were hurt by debris.")),
        ("The rest of the display was cancelled and the crowd was led out of the airfield.",
         "Joss Harrow said the engine and the flight recorder had been taken for examination.",
         "Fellow pilots laid flowers at the edge of the runway.",
         "Black smoke rose behind the hangars as the biplane's fuel tank burned.",
         "Spectators packed up their picnic rugs as the display was cancelled."),
    ),
    Event(
        "merger", "2031-03-22",
        {"place": "Brightwater", "official": "Chair Oswin Tal", "org": "Brightwater Telecom",
         "noun": "takeover", "group": "subscribers"},
        ("Brightwater Telecom to buy Orca Networks", "Brightwater agrees Orca takeover",
         "Regulators to scrutinise Brightwater-Orca deal"),
        ("Brightwater Telecom agreed to buy rival mobile operator Orca "
         "Networks, creating the largest carrier in the region.",
         "The competition regulator said it would examine the deal closely."),
        ((1800, "The deal values Orca Networks at ${n} million."),
         (22, "Brightwater offered a premium of {n} percent to Orca's share price."),
         (9, "The combined company would have {n} million subscribers."),
         (600, "The companies expect savings of ${n} million a year.")),
        ("Oswin Tal said customers would keep their tariffs for at least two years.",
         "Consumer groups warned that fewer operators would mean higher prices.",
         "Orca's founders will leave the board once the deal closes.",
         "Orca Networks shares leapt when trading opened after the takeover announcement.",
         "Mobile subscribers flooded Orca's helpline with questions about their tariffs."),
    ),
    Event(
        "museum", "2031-03-23",
        {"place": "Lindenhall", "official": "Curator Elspeth Morrow", "org": "the Lindenhall Museum",
         "noun": "art theft", "group": "visitors"},
        ("Paintings stolen from Lindenhall Museum", "Thieves raid Lindenhall gallery at night",
         "Police hunt Lindenhall art thieves"),
        ("Thieves broke into the Lindenhall Museum overnight and cut "
         "paintings from their frames in the Dutch gallery.",
         "The thieves escaped through a skylight before guards reached the gallery."),
        ((5, "{n} paintings were taken."),
         (40, "The stolen works are insured for {n} million euros."),
         (90, "The alarm sounded {n} seconds after the skylight was forced.")),
        ("Elspeth Morrow called the theft an attack on the city's heritage.",
         "The museum will stay closed while forensic teams examine the gallery.",
         "Police released blurred camera images of two figures on the roof.",
         "Empty gilt frames hung on the walls of the Dutch gallery after the theft.",
         "Forensic officers dusted the skylight frame for fingerprints."),
    ),
)

# Background paragraphs newsrooms add to a report, filled in with the event's own names.
BACKGROUND = (
    "{official} told reporters in {place} that the response to the {noun} would continue through the week.",
    "{org} said it would publish a full account of the {noun} once the facts were established.",
    "Local radio in {place} interrupted its programmes with bulletins about the {noun}.",
    "Residents of {place} said they had never seen anything like it.",
    "{official} thanked {group} for their patience and asked them to follow official advice.",
    "A spokesperson for {org} declined to comment on the {noun} beyond a short statement.",
    "The {noun} dominated conversation in the cafes and markets of {place}.",
    "Messages of support for {place} arrived from across the country.",
    "{group} gathered outside the offices of {org} waiting for news.",
    "Questions about how the {noun} was handled are expected to be raised in parliament.",
    "{official} promised a full review once the immediate work was done.",
    "Photographs of the scene in {place} were shared widely online.",
    "In {place}, {group} described the day as one they would not forget.",
    "{org} set up a telephone line for {group} seeking information.",
    "Opposition politicians called for an independent inquiry into the {noun}.",
    "{official} is expected to visit {place} again at the weekend.",
    "The {noun} is the most serious of its kind in {place} for a generation.",
    "Officials in {place} said more details would be released later in the day.",
    "{org} said staff had worked through the night after the {noun}.",
    "Neighbouring towns offered help to {place} in the days after the {noun}.",
    "Television crews from abroad set up outside the offices of {org}.",
    "{group} in {place} shared accounts of the {noun} with local newspapers.",
    "The head of {org} said lessons would be learned from the {noun}.",
    "{official} said the priority was the safety of {group}.",
    "A vigil is planned in the central square of {place} on Friday evening.",
)
OUTLETS = ("Wire Service", "Daily Courier", "Evening Ledger", "Metro Post", "Coast Herald", "Valley News",
           "City Chronicle", "Morning Star Review", "Northern Times", "Radio Meridian")


@dataclass
class FeedArticle:
    """One invented article of the feed."""

    id: str
    event: str
    source: str
    title: str
    text: str
    published_at: str
    changed: dict[int, int] = field(default_factory=dict)  # figures stated differently: true -> stated

    def body(self, **extra: Any) -> dict[str, Any]:
        """A POST /v1/articles body (`extra` overrides fields; the URL follows the id)."""
        article_id = extra.pop("id", self.id)
        site = self.source.lower().replace(" ", "-")
        return {"id": article_id, "url": f"https://{site}.example/{article_id}",
                "source": self.source, "title": self.title, "published_at": self.published_at,
                "text": self.text, **extra}


def _figure(n: int) -> str:
    return f"{n:,}" if n >= 10000 else str(n)


UPDATES = ("Update:", "Earlier:", "Our correspondent adds:", "Latest:", "From the scene:")
BACKGROUND_LINES = 6  # background paragraphs per article (newsroom boilerplate is a small share)


def write_article(event: Event, number: int, rng: random.Random, target_bytes: int = 5000) -> FeedArticle:
    """Report number `number` on `event`: its lead, a share of its facts and colour, a few background
    paragraphs, then live updates that retell the event's own sentences until the text is `target_bytes`."""
    source = OUTLETS[number % len(OUTLETS)]
    changed: dict[int, int] = {}
    facts = rng.sample(event.facts, k=max(2, len(event.facts) - rng.randint(0, 2)))
    stated = []
    for value, sentence in facts:
        shown = value
        if value >= 10 and rng.random() < 0.08:  # a desk that got one figure wrong
            shown = value + max(1, value // 10)
            changed[value] = shown
        stated.append(sentence.format(n=_figure(shown)))
    colour = rng.sample(event.colour, k=len(event.colour))
    background = [line.format(**event.names) for line in rng.sample(BACKGROUND, k=BACKGROUND_LINES)]
    body = [*stated, *colour[: len(colour) // 2 + 1], *(b[0].upper() + b[1:] for b in background)]
    rng.shuffle(body)
    paragraphs = [" ".join(event.lead), *body]
    size = sum(len(p) + 2 for p in paragraphs)
    retold = [*colour, *event.lead]
    while size < target_bytes:
        line = f"{rng.choice(UPDATES)} {rng.choice(retold)}"
        paragraphs.append(line)
        size += len(line) + 2
    day = int(event.day[-2:]) + rng.choice((0, 0, 0, 1))
    return FeedArticle(
        id=f"{event.key}-{number}",
        event=event.key,
        source=source if number < len(OUTLETS) else f"{source} {number // len(OUTLETS)}",
        title=rng.choice(event.titles),
        text="\n\n".join(paragraphs),
        published_at=f"{event.day[:-2]}{day:02d}",
        changed=changed,
    )


def event_by_key(key: str) -> Event:
    """The invented event `key` ("quake", "ferry", ...)."""
    return next(e for e in EVENTS if e.key == key)


def event_articles(key: str, n: int, seed: int = 11, start: int = 0) -> list[FeedArticle]:
    """`n` reports of one event (numbered from `start`)."""
    event = event_by_key(key)
    return [write_article(event, i, random.Random(f"{seed}:{key}:{i}")) for i in range(start, start + n)]


def feed(n: int, events: int = len(EVENTS), seed: int = 11) -> list[FeedArticle]:
    """`n` articles of the first `events` events, interleaved round-robin as a feed delivers them."""
    chosen = EVENTS[:events]
    out = []
    for i in range(n):
        event, number = chosen[i % events], i // events
        out.append(write_article(event, number, random.Random(f"{seed}:{event.key}:{number}")))
    return out
