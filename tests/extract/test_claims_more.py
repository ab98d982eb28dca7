"""More aggregate casualty claims, on sentences written for these tests: metrics, sides, people, periods,
claimants, and the figures that are no claim at all (equipment, money, refugees, rates, other wars, one attack)."""

from __future__ import annotations

import pytest

from warledger import pipeline
from warledger.records import Claim

CONTEXT = "Russia's war in Ukraine continued on Tuesday."
"""A first sentence that makes each page an article about the war (claims are read only in such articles)."""


def claims_of(body: str, published: str = "2025-06-18", *, standfirst: str | None = None) -> list[Claim]:
    text = f"Losses mount on the front\n\n{standfirst}\n\n" if standfirst else ""
    return pipeline.extract(f"{text}{CONTEXT} {body}", published=published).claims


def one(claims: list[Claim], **fields: object) -> Claim:
    hits = [c for c in claims if all(getattr(c, k) == v for k, v in fields.items())]
    assert len(hits) == 1, [c.to_dict() for c in claims]
    return hits[0]


def test_killed_or_wounded_is_casualties_and_a_part_keeps_the_metric() -> None:
    claims = claims_of(
        "The General Staff in Kyiv said on Wednesday that Russia had lost about 702,000 troops killed and wounded "
        "since February 2022, including 1,120 over the past day."
    )
    total = one(claims, min=702_000)
    assert (total.side, total.population, total.metric, total.qualifier) == (
        "Russia",
        "military",
        "casualties",
        "about",
    )
    assert total.claimant == "General Staff of the Armed Forces of Ukraine"
    assert (total.period_start, total.period_end) == ("2022-02", "2025-06-18"), "an open period ends when stated"
    day = one(claims, min=1_120)
    assert (day.side, day.metric) == ("Russia", "casualties")
    assert (day.period_start, day.period_end) == ("2025-06-17", "2025-06-17")


def test_the_people_named_with_the_figure_decide_the_side() -> None:
    claims = claims_of("Ukrainian units held the line, and killed, wounded or captured 4,000 Russian soldiers there.")
    claim = one(claims, min=4_000)
    assert (claim.side, claim.population, claim.metric) == ("Russia", "military", "casualties")


def test_civilians_take_the_side_of_where_and_by_whom() -> None:
    claims = claims_of(
        "Russian strikes have killed more than 210 rail workers since the full-scale invasion began, the railway "
        "company said. The regional prosecutor said 2,400 civilians had been killed in the Sumy region since "
        "February 2022."
    )
    workers = one(claims, min=210)
    assert (workers.side, workers.population, workers.metric, workers.qualifier) == (
        "Ukraine",
        "civilian",
        "killed",
        "more than",
    )
    region = one(claims, min=2_400)
    assert (region.side, region.population) == ("Ukraine", "civilian")


def test_un_civilian_toll_counts_ukraine_civilians() -> None:
    claims = claims_of(
        "The war has killed at least 13,100 civilians and injured more than 31,000, according to the UN human "
        "rights monitoring mission."
    )
    killed, injured = one(claims, metric="killed"), one(claims, metric="injured")
    assert (killed.min, killed.max, killed.qualifier, killed.side) == (13_100, None, "at least", "Ukraine")
    assert (injured.min, injured.qualifier, injured.population) == (31_000, "more than", "civilian")
    assert killed.claimant == injured.claimant == "OHCHR"


def test_projection_with_a_verb_of_amount_and_the_ministry_resolved() -> None:
    claims = claims_of(
        "Britain's Ministry of Defence said Russia had suffered about 840,000 casualties since February 2022. "
        "The ministry said Russian casualties could exceed one million by the end of the year."
    )
    projection = one(claims, projection=True)
    assert (projection.min, projection.max, projection.qualifier) == (1_000_000, None, "more than")
    assert (projection.period_start, projection.period_end) == ("2022-02", "2025-12")
    assert projection.claimant == "UK Ministry of Defence" and projection.side == "Russia"


def test_standfirst_and_body_give_one_claim_with_the_named_claimant() -> None:
    claims = claims_of(
        "Governor Ivan Petrenko said Russian attacks had killed more than 1,700 civilians in the Kherson region "
        "since February 2022.",
        standfirst="Officials say civilian deaths in the Kherson region have passed 1,700",
    )
    claim = one(claims, min=1_700)
    assert claim.side == "Ukraine" and claim.qualifier == "more than"
    assert claim.claimant and "Petrenko" in claim.claimant


def test_the_estimate_covers_sets_the_period_of_the_figures_before_it() -> None:
    claims = claims_of(
        "The Institute for the Study of War estimated that Russia had lost 610,000 soldiers. The estimate covers "
        "the period from the full-scale invasion in February 2022 to the end of April 2025."
    )
    claim = one(claims, min=610_000)
    assert (claim.period_start, claim.period_end, claim.claimant) == ("2022-02", "2025-04", "ISW")


def test_a_lone_surname_takes_the_name_and_title_given_earlier() -> None:
    claims = claims_of(
        "A drone hit a market in Nikopol, regional governor Serhiy Lysak said. Lysak said Russian shelling had "
        "killed 260 civilians in the district so far."
    )
    assert one(claims, min=260).claimant == "Serhiy Lysak (regional governor)"


def test_the_speaking_claimant_wins_over_a_name_in_another_role() -> None:
    claims = claims_of("Putin's invasion has killed 12,500 civilians in Ukraine, the UN human rights office said.")
    assert one(claims, min=12_500).claimant == "OHCHR"


def test_a_dispute_attaches_to_the_claimant_and_a_part_keeps_the_side() -> None:
    claims = claims_of(
        "Russia has suffered more than 650,000 casualties, according to an assessment by the Institute for the "
        "Study of War. The think tank said the figure included about 160,000 killed. Moscow has dismissed the "
        "estimates as propaganda."
    )
    part = one(claims, min=160_000)
    assert (part.side, part.population, part.metric, part.claimant) == ("Russia", "military", "killed", "ISW")
    assert all(c.disputed_by == ["Russia"] for c in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has lost more than 9,500 tanks and 20,000 artillery systems, the General Staff said.",
        "Losses to Ukraine's economy exceed $150 billion, the government said.",
        "More than six million Ukrainians have fled abroad since the invasion began, the UN refugee agency said.",
        "Russia is losing about 1,300 soldiers a day, according to British intelligence.",
        "In the Second World War, more than seven million Ukrainians were killed.",
        "At least 35,000 people have been killed in Gaza, the local health ministry said.",
        "A total of 14 people were killed when a missile hit a shopping centre in Kharkiv.",
        "The strike killed 52 people at the station, one of the deadliest attacks of the war.",
        "The war has killed tens of thousands of people.",
        "Ukraine needs 160,000 more soldiers to replace its losses, the commander said.",
        "Emergency crews rescued 1,200 residents from flooded homes, the governor said.",
    ],
)
def test_figures_that_are_no_claim(sentence: str) -> None:
    assert claims_of(sentence) == []


def test_no_claims_in_an_article_not_about_the_war() -> None:
    result = pipeline.extract("So far, 64 people have died in the floods, the national emergency agency said.")
    assert result.claims == []


def test_a_part_in_an_aside_takes_the_metric_stated_after_it() -> None:
    claims = claims_of(
        "The health ministry said 352 civilians, including 14 children, had been killed so far by Russian forces, "
        "and that 36,100 civilians, including 2,150 children, had been injured."
    )
    assert [(c.min, c.metric, c.population, c.side) for c in claims] == [
        (352, "killed", "civilian", "Ukraine"), (14, "killed", "civilian", "Ukraine"),
        (36_100, "injured", "civilian", "Ukraine"), (2_150, "injured", "civilian", "Ukraine")]


def test_claim_evidence_is_exact() -> None:
    text = f"{CONTEXT} Ukraine's General Staff said Russia had lost about 1,090 troops over the past day."
    result = pipeline.extract(text, published="2025-06-18")
    assert result.claims
    for claim in result.claims:
        for evidence in claim.evidence:
            assert result.article.text[evidence.start : evidence.end] == evidence.text


def test_the_enemy_of_the_claimant_and_a_daily_figure_past_a_place() -> None:
    claims = claims_of(
        "The total combat losses of the enemy since February 24, 2022 are about 980,000 personnel, including 1,010 "
        "over the past day, the General Staff of the Armed Forces of Ukraine reported. The Ukrainian army lost up "
        "to 350 servicemen in the Kursk direction over the past day, the Russian Defence Ministry said."
    )
    total, day = one(claims, min=980_000), one(claims, min=1_010)
    assert total.side == day.side == "Russia"
    assert day.period_start == day.period_end == "2025-06-17"
    russian = one(claims, max=350)
    assert (russian.side, russian.qualifier, russian.claimant) == ("Ukraine", "up to", "Russian Ministry of Defence")
    assert russian.period_end == "2025-06-17"


def test_a_war_that_claimed_lives_is_no_speaker() -> None:
    claims = claims_of(
        "Russia's war against Ukraine has claimed the lives of more than 640 Ukrainian athletes and coaches, the "
        "sports minister said."
    )
    claim = one(claims, min=640)
    assert (claim.side, claim.metric, claim.claimant) == ("Ukraine", "killed", "Sports minister")


def test_a_part_named_by_of_whom() -> None:
    claims = claims_of(
        "Russia recruited about 48,000 convicts for the front, of whom about 17,000 have been killed, according to "
        "the Institute for the Study of War."
    )
    assert [(c.min, c.metric, c.claimant) for c in claims] == [(17_000, "killed", "ISW")]


def test_a_vague_figure_nobody_states_leaves_no_claim_and_no_error() -> None:
    assert claims_of("Thousands of Ukrainians were killed there, and the fighting would go on.") == []


def test_two_sources_set_against_each_other_keep_their_own_figures() -> None:
    claims = claims_of("Kyiv puts Russian casualties at 650,000, while Moscow puts Ukraine's losses at 480,000.")
    russia, ukraine = one(claims, side="Russia"), one(claims, side="Ukraine")
    assert (russia.min, russia.claimant) == (650_000, "Kyiv")
    assert (ukraine.min, ukraine.claimant, ukraine.population) == (480_000, "Moscow", "military")


def test_a_doubt_about_the_figure_is_no_projection() -> None:
    claims = claims_of("Russia has lost about 310,000 soldiers, but the real figure may be higher, officials said.")
    assert [(c.min, c.projection) for c in claims] == [(310_000, False)]


def test_a_part_with_its_own_verb_takes_that_metric_and_a_definite_speaker_points_back() -> None:
    claims = claims_of(
        "A senior Western official told reporters that Russia had suffered more than 600,000 casualties since "
        "February 2022, of whom between 120,000 and 170,000 were believed to have been killed. Russian casualties "
        "would pass 800,000 by the end of the year, the official said."
    )
    part = one(claims, min=120_000)
    assert (part.metric, part.max, part.qualifier) == ("killed", 170_000, "range")
    projected = one(claims, min=800_000)
    assert projected.projection and projected.claimant == "Senior Western official"


def test_he_said_is_the_person_named_before_it() -> None:
    claim = one(claims_of(
        "President Volodymyr Zelensky gave new figures in December, when he said 41,000 Ukrainian soldiers had been "
        "killed since the start of the full-scale invasion."
    ), min=41_000)
    assert claim.claimant is not None and "Volodymyr Zelensky" in claim.claimant


@pytest.mark.parametrize(
    ("body", "period_start"),
    [
        ("Shelling has killed more than 140 civilians in the Kharkiv region since the start of the year, the "
         "regional administration said.", "2025-01"),
        ("The ministry, which stopped publishing its own toll in the autumn of 2022, says Ukraine has lost more than "
         "50,000 servicemen in the Kursk region since Ukrainian troops crossed the border there in August.",
         "2024-08"),
    ],
)
def test_a_running_total_counts_from_the_start_it_names(body: str, period_start: str) -> None:
    claim = claims_of(body)[0]
    assert (claim.period_start, claim.period_end) == (period_start, "2025-06-18")


def test_a_monitors_monthly_tally_is_a_claim_for_that_month() -> None:
    claims = claims_of(
        "The UN Human Rights Monitoring Mission in Ukraine said it had verified at least 171 civilian deaths and "
        "903 injuries in May, most of them from long-range strikes."
    )
    deaths, injuries = one(claims, metric="killed"), one(claims, metric="injured")
    assert (deaths.min, deaths.max, deaths.qualifier) == (171, None, "at least")
    assert (injuries.min, injuries.max, injuries.qualifier) == (903, None, "at least")  # "at least" covers both
    assert (deaths.period_start, deaths.period_end) == ("2025-05", "2025-05")


def test_a_tally_of_one_days_attack_stays_an_incident_toll() -> None:
    result = pipeline.extract(f"{CONTEXT} Police recorded five injured after the strike on Kharkiv on Monday.",
                              published="2025-06-18")
    assert result.claims == [] and result.incidents[0].injured.min == 5


def test_the_author_of_a_report_is_the_claimant_and_the_centre_points_back_to_it() -> None:
    claims = claims_of(
        "A report by the Vilnius Centre for War Statistics, an independent research group, estimated that between "
        "55,000 and 80,000 Russian soldiers had been killed since February 2022. The centre estimated that another "
        "9,000 were missing."
    )
    killed = one(claims, min=55_000)
    assert (killed.claimant, killed.max, killed.metric) == ("Vilnius Centre for War Statistics", 80_000, "killed")
    assert one(claims, min=9_000).claimant == "Vilnius Centre for War Statistics"


def test_the_figure_points_back_and_a_year_is_its_months() -> None:
    claims = claims_of(
        "Between 50,000 and 75,000 Russian soldiers were killed in 2024, according to an estimate published on "
        "Monday by the Vilnius Centre for War Statistics. It put total Russian military deaths between February "
        "2022 and the end of 2024 at about 150,000. If the fighting goes on at this pace, it said, the figure could "
        "pass 230,000 by the end of 2025."
    )
    year = one(claims, min=50_000)
    assert (year.period_start, year.period_end, year.claimant) == ("2024-01", "2024-12",
                                                                   "Vilnius Centre for War Statistics")
    total = one(claims, min=150_000)
    assert (total.metric, total.period_start, total.period_end) == ("killed", "2022-02", "2024-12")
    projected = one(claims, min=230_000)
    assert (projected.metric, projected.side, projected.projection, projected.period_end) == (
        "killed", "Russia", True, "2025-12")


def test_a_monitoring_bodys_monthly_figures_each_take_their_month() -> None:
    claims = claims_of(
        "At least 160 civilians were killed and 781 injured in Ukraine in May, the UN Human Rights Monitoring "
        "Mission in Ukraine said on Friday, an increase from April, when it recorded 125 civilian deaths."
    )
    assert {(c.min, c.metric, c.period_start) for c in claims} == {
        (160, "killed", "2025-05"), (781, "injured", "2025-05"), (125, "killed", "2025-04")}


def test_a_running_total_since_new_year_covers_both_its_figures_and_the_part() -> None:
    claims = claims_of(
        "Since the beginning of 2025, Russian attacks have killed 140 civilians in the Sumy region, including 10 "
        "children, and injured more than 690 people, according to the regional military administration."
    )
    assert {(c.metric, c.min, c.period_start) for c in claims} == {("killed", 140, "2025-01"),
                                                                    ("killed", 10, "2025-01"),
                                                                    ("injured", 690, "2025-01")}


def test_researchers_at_a_university_and_a_named_project_are_claimants() -> None:
    claims = claims_of(
        "Between 150,000 and 220,000 Russian soldiers were killed between February 2022 and June 2025, according to "
        "a study published on Thursday by researchers at the University of Tartu. A separate Ukrainian volunteer "
        "project, Names of the Fallen, says it has identified more than 77,000 Ukrainian soldiers killed since "
        "February 2022. Ukraine's General Staff puts total Russian losses, killed and wounded, at about 1,040,000."
    )
    assert one(claims, min=150_000).claimant == "University of Tartu"
    assert one(claims, min=77_000).claimant == "Names of the Fallen"
    assert one(claims, min=1_040_000).metric == "casualties"


def test_a_days_losses_named_before_the_figure_and_a_ministry_named_in_part() -> None:
    claims = claims_of(
        "Russia's Defense Ministry said its forces had repelled attacks near the border. The Defense Ministry said "
        "that over the past day the Ukrainian Armed Forces had lost up to 260 servicemen in the Kursk direction."
    )
    day = one(claims, max=260)
    assert (day.side, day.metric, day.qualifier) == ("Ukraine", "casualties", "up to")
    assert day.claimant == "Russian Ministry of Defence"


def test_the_mission_stating_a_months_figures_is_a_claim() -> None:
    claims = claims_of("The UN monitoring mission published its update. That is up from 150 civilians killed and "
                       "870 injured in April, the mission said.")
    assert {(c.metric, c.min, c.period_start) for c in claims} == {("killed", 150, "2025-04"),
                                                                    ("injured", 870, "2025-04")}


def test_it_believes_the_same_period_and_a_figure_given_by_someone() -> None:
    claims = claims_of(
        "The UK Ministry of Defence estimates Russia has suffered about 950,000 casualties since February 2022. Of "
        "those, it believes between 200,000 and 250,000 have died. The UN mission says more than 13,000 civilians "
        "have been killed since February 2022. Over 32,500 civilians were injured in the same period. The last "
        "official number, 5,937 dead, was given by then-Defense Minister Ivan Sokolov in September 2022."
    )
    assert one(claims, min=200_000).claimant == "UK Ministry of Defence"
    assert one(claims, min=32_500).claimant == one(claims, min=13_000).claimant
    assert one(claims, min=5_937).claimant == "Defense Minister Ivan Sokolov"


def test_a_whole_regions_year_and_a_monitor_referred_to_as_it_are_tallies() -> None:
    claims = claims_of(
        "The governor of the Kursk region, Pavel Orlov, said that 184 civilians had been killed in his region in "
        "2025. The UN Human Rights Monitoring Mission in Ukraine published its monthly update on Friday. It said "
        "at least 131 civilians were killed in March."
    )
    region = one(claims, min=184)
    assert (region.side, region.metric, region.period_start, region.period_end) == (
        "Russia", "killed", "2025-01", "2025-12")
    month = one(claims, min=131)
    assert (month.claimant, month.period_start) == ("OHCHR", "2025-03")


def test_he_claimed_is_the_person_the_sentence_before_is_about() -> None:
    claims = claims_of(
        "Oleg Petrov gave the figure in a television interview, hours after Ivan Sidorov announced new call-ups. "
        "He claimed that 12,400 Ukrainian soldiers had been killed since the spring."
    )
    assert one(claims, min=12_400).claimant == "Oleg Petrov"


def test_a_person_named_after_a_bodys_title_and_a_sides_combined_losses() -> None:
    claims = claims_of(
        "In May, the Pentagon's deputy assistant secretary, Laura Cooper, put Russia's combined losses of killed "
        "and wounded at between 90,000 and 100,000."
    )
    claim = one(claims, min=90_000)
    assert (claim.claimant, claim.side, claim.metric) == ("Laura Cooper", "Russia", "casualties")


def test_its_spokesperson_speaks_for_the_body_the_sentence_before_names() -> None:
    claims = claims_of(
        "The Kharkiv regional prosecutor's office gives a higher figure. Its spokesperson told reporters that "
        "investigators had documented at least 1,240 civilian deaths in the region since February 2022."
    )
    assert one(claims, min=1_240).claimant == "Kharkiv regional prosecutor's office"


def test_a_standfirst_figure_the_body_gives_is_not_another_bodys_rounded() -> None:
    claims = claims_of(
        "The Royal United Services Institute estimated on Tuesday that Russia has suffered about 1.1 million "
        "military casualties since February 2022. Ukraine's General Staff said Russia's losses had reached "
        "1,076,450 troops killed and wounded.",
        standfirst="A new estimate from the Royal United Services Institute puts Russian casualties at about 1.1 "
                   "million.",
    )
    assert {c.min for c in claims} == {1_100_000, 1_076_450}, [c.to_dict() for c in claims]


def test_detained_civilians_a_list_of_the_missing_and_no_figure_in_thousands() -> None:
    claims = claims_of(
        "Her brother is one of more than 60,000 people Ukraine lists as missing, according to the commissioner "
        "for missing persons. The Coordination Headquarters for the Treatment of Prisoners of War says at least "
        "1,600 Ukrainian civilians are detained in Russia, while thousands of soldiers remain in captivity."
    )
    missing = one(claims, min=60_000)
    assert (missing.side, missing.metric) == ("Ukraine", "missing")
    detained = one(claims, min=1_600)
    assert (detained.metric, detained.population) == ("captured", "civilian")
    assert not [c for c in claims if c.min == 2_000], "'thousands' is no figure"


def test_a_standfirst_that_leaves_the_side_unsaid_is_the_bodys_claim() -> None:
    claims = claims_of(
        "More than 60,000 Ukrainians are listed as missing, according to Artur Dobroserdov, the commissioner for "
        "missing persons.",
        standfirst="Kyiv says more than 60,000 people are listed as missing under special circumstances.",
    )
    claim = one(claims, min=60_000)
    assert (claim.side, claim.claimant) == ("Ukraine", "Artur Dobroserdov")


def test_killed_and_wounded_combined_is_one_sides_and_more_were_wounded_is_a_figure() -> None:
    claims = claims_of(
        "The think tank estimates that between 210,000 and 240,000 Russian soldiers were killed, and that between "
        "600,000 and 680,000 more were wounded. A second estimate puts total Russian casualties, killed and wounded "
        "combined, at between 850,000 and 950,000."
    )
    assert one(claims, min=600_000).metric == "injured"
    combined = one(claims, min=850_000)
    assert (combined.side, combined.metric) == ("Russia", "casualties")


def test_a_named_spokesman_who_dismissed_a_figure_claims_his_own() -> None:
    claims = claims_of(
        "The occupation governor said Ukraine had lost 4,000 soldiers in April. Petro Ivanenko, spokesman for "
        "Ukraine's Southern Defence Forces, dismissed the figure and said that Russia had lost about 2,100 troops "
        "killed and wounded in the Zaporizhzhia direction over the same month."
    )
    assert one(claims, min=2_100).claimant == "Petro Ivanenko"


def test_a_regions_count_since_an_event_on_a_day_is_a_tally() -> None:
    claims = claims_of(
        "Since Ukrainian forces returned to the city on 11 November, Russian shelling has killed 28 civilians across "
        "the region, the regional prosecutor's office said.",
        published="2022-12-06",
    )
    tally = one(claims, min=28)
    assert (tally.side, tally.population, tally.metric, tally.period_start) == (
        "Ukraine", "civilian", "killed", "2022-11-11")


def test_a_surname_takes_no_name_from_the_line_above() -> None:
    text = ("Drones kill two as the governor reports an attack on Klimovo\n\nKhinshtein says the civilian death toll "
            "in the Kursk region has passed 300\n\nRegional Governor Alexander Khinshtein said on Monday that a drone "
            "struck a car near Rylsk, killing two people.\n\nKhinshtein said more than 300 civilians in the Kursk "
            "region had been killed since August 2024.")
    claims = pipeline.extract(text, published="2025-06-16").claims
    assert [c.claimant for c in claims] == ["Alexander Khinshtein (Regional Governor)"]


def test_a_figure_coordinated_past_an_aside_is_a_tally_too() -> None:
    claims = claims_of(
        "Shelling has killed 214 civilians in the Kherson region since the city was freed in November 2022, "
        "including 9 children, and wounded more than 900, the regional administration said.",
        published="2024-02-12",
    )
    wounded = one(claims, min=900)
    assert (wounded.metric, wounded.qualifier, wounded.population) == ("injured", "more than", "civilian")


def test_a_bare_figure_counts_the_people_of_the_figure_beside_it() -> None:
    claims = claims_of(
        "In all, Russian forces killed 2,480 and wounded 6,915 civilians in the Kharkiv region since "
        "February 24, 2022, according to the regional prosecutor's office.",
        published="2025-03-03",
    )
    killed = one(claims, min=2_480)
    assert (killed.side, killed.population, killed.metric) == ("Ukraine", "civilian", "killed")
    later = claims_of(
        "Since 24 February, 96 civilians have been killed in the Sumy region, among them three children, and 430 "
        "have been wounded, the regional administration said.",
        published="2022-10-04",
    )
    assert one(later, min=430).population == "civilian"


def test_a_month_in_a_named_region_makes_small_figures_a_tally() -> None:
    claims = claims_of(
        "Russian strikes killed 27 civilians and injured 190 in the Zaporizhzhia region in September, the "
        "regional prosecutor's office said.",
        published="2025-10-02",
    )
    assert (one(claims, min=190).period_start, one(claims, min=190).period_end) == ("2025-09", "2025-09")


def test_a_month_inside_a_relative_aside_makes_no_tally() -> None:
    claims = claims_of(
        "In the Bryansk region, where drones have struck almost daily since June, the governor said shelling of "
        "the village of Klimovo had injured three people."
    )
    assert claims == []


def test_a_projection_that_could_pass_a_figure_is_more_than_it_from_its_own_year() -> None:
    claims = claims_of(
        "The UN Human Rights Monitoring Mission in Ukraine said 210 civilians were killed in May. It warned that "
        "civilian casualties in 2025 could pass 14,000 killed and injured by the end of the year."
    )
    projection = next(c for c in claims if c.projection)
    assert (projection.min, projection.qualifier) == (14_000, "more than")
    assert (projection.period_start, projection.period_end) == ("2025-01", "2025-12")


def test_according_to_figures_published_by_a_body_names_the_body() -> None:
    claims = claims_of(
        "Since February 2022, 412 civilians have been killed in the Zaporizhzhia region, according to figures "
        "released by the regional military administration on Monday."
    )
    assert one(claims, min=412).claimant == "Regional military administration"


def test_an_honorific_and_a_surname_take_the_full_name() -> None:
    text = ("Drone hits bus near Sumy\n\nIvan Petrenko, head of the regional military administration, said a drone "
            "hit a bus near the city on Tuesday.\n\nSince January, Russian strikes have killed 71 civilians in the "
            "region and injured more than 300, according to Mr Petrenko.")
    claims = pipeline.extract(text, published="2025-06-18").claims
    assert {c.claimant for c in claims} == {"Ivan Petrenko"}


def test_a_days_losses_on_a_front_or_in_a_region_are_a_claim() -> None:
    claims = claims_of(
        "The ministry said Ukrainian losses on the Kupiansk direction had amounted to up to 140 servicemen killed "
        "and wounded over the past day. Its spokesman, Igor Konashenkov, said more than 200 Ukrainian "
        "\"nationalists\" had been killed over the past day in the Donbas. Russia's defence ministry also said its "
        "strikes over the past day had killed more than 310 Ukrainian troops in the Donetsk region."
    )
    assert one(claims, max=140).metric == "casualties"
    assert one(claims, min=200).claimant == "Igor Konashenkov"
    assert one(claims, min=310).side == "Ukraine"


def test_losses_past_a_relative_aside_are_the_figures_metric() -> None:
    claims = claims_of(
        "The defence ministry said Ukrainian losses in the zone of its Centre group, which is advancing near "
        "Pokrovsk, had amounted to up to 450 servicemen over the past day."
    )
    assert one(claims, max=450).side == "Ukraine"


def test_a_towns_residents_and_an_invasion_days_old_make_tallies() -> None:
    claims = claims_of(
        "The city council says at least 1,170 Mariupol residents have been killed since Feb. 24. The health minister "
        "said 352 Ukrainians had been killed since Russia invaded on Thursday, and close to 190 Russian troops had "
        "been taken prisoner, the deputy minister added.",
        published="2022-03-09",
    )
    assert one(claims, min=1_170).population == "civilian"
    assert one(claims, min=352).metric == "killed"


def test_a_figure_joined_to_a_tally_is_part_of_it() -> None:
    claims = claims_of(
        "The deputy defence minister said Russian forces had lost about 4,100 troops killed or wounded and close to "
        "230 taken prisoner."
    )
    assert one(claims, min=230).metric == "captured"


def test_a_days_kills_on_fronts_named_after_towns_are_a_claim() -> None:
    claims = claims_of(
        "Russia's defence ministry claimed that its forces had killed more than 230 Ukrainian soldiers in the "
        "Kherson and Kryvyi Rih directions over the past day."
    )
    assert one(claims, min=230).side == "Ukraine"


def test_a_country_that_invaded_is_not_where_its_victims_were() -> None:
    claims = claims_of(
        "The prosecutor general's office said at least 151 children had been killed since Russia invaded on Feb. 24.",
        published="2022-04-05",
    )
    assert one(claims, min=151).side != "Russia"  # the children were Ukraine's, whoever states it


def test_the_subject_not_a_speaker_in_its_aside_and_a_person_behind_he_said() -> None:
    text = ("Losses mount on the front\n\nRussian Defence Minister Sergei Shoigu gave the figure on Wednesday.\n\n"
            "Shoigu, speaking on television shortly after President Vladimir Putin announced a mobilisation, also "
            "claimed that Ukraine had lost 61,000 troops killed over the same period.\n\n"
            "Ukraine's commander-in-chief, Oleksandr Syrskyi, rejected the figure. In a statement he said Russia had "
            "lost about 5,800 soldiers killed and wounded since 6 August.\n\n"
            "The UN said it had recorded 140 civilian deaths. Ukraine's State Emergency Service put the number far "
            "higher, saying more than 2,000 civilians had died since February 24.")
    claims = pipeline.extract(text, published="2024-10-01").claims
    assert one(claims, min=61_000).claimant.startswith("Sergei Shoigu")
    assert one(claims, min=5_800).claimant == "Oleksandr Syrskyi"
    assert one(claims, min=2_000).claimant == "Ukraine's State Emergency Service"


def test_a_sides_losses_are_a_tally_whatever_their_size_not_a_units_in_one_clash() -> None:
    claims = claims_of(
        "Ukrainian losses in their area of responsibility were up to 430 servicemen killed and wounded, a tank and "
        "two howitzers, the ministry said. A brigade said the Russian assault group lost 14 killed and 19 wounded "
        "near the village."
    )
    assert one(claims, max=430).metric == "casualties"
    assert not [c for c in claims if c.min in (14, 19)]


def test_he_has_said_after_a_title_and_a_name() -> None:
    text = ("Losses mount on the front\n\nUkraine's commander-in-chief Oleksandr Syrskyi has dismissed Moscow's "
            "figures as fabricated. He has said that Russia itself had lost about 36,000 soldiers killed and wounded "
            "in the region since August.")
    claim = one(pipeline.extract(text, published="2025-02-11").claims, min=36_000)
    assert (claim.side, claim.claimant) == ("Russia", "Oleksandr Syrskyi")


def test_a_tally_of_enemy_soldiers_eliminated_is_their_side_s_losses_not_an_incident_toll() -> None:
    text = (
        "Boy killed in shelling of Mykolaiv region village\n\n"
        "A boy was killed and two women were wounded when Russian artillery hit a village in the Mykolaiv region on "
        "Monday, the governor said.\n\n"
        "In the south, Ukraine's defence forces eliminated almost 90 invaders and destroyed 14 tanks, the Southern "
        "command said. Near Orikhiv, a brigade eliminated 12 occupiers in a morning assault, its commander said."
    )
    result = pipeline.extract(text, published="2025-06-17")
    tally = one(result.claims, min=90)
    assert (tally.side, tally.population, tally.metric, tally.qualifier) == ("Russia", "military", "killed", "about")
    assert not [c for c in result.claims if c.min in (12, 14)]  # one clash's dead at a village; tanks are no people
    killed = {(i.location.name if i.location else None, i.killed.min if i.killed else None) for i in result.incidents}
    assert ("Mykolaiv Oblast", 1) in killed and not any(count == 90 for _, count in killed)
