// Types for the treatment finder's JavaScript API (finder-api.js) and its partner widget
// (<treatment-finder>, from embed.js). Written by hand to match src/web/api.rs, src/embed.rs,
// www/embed.js and the engine's JSON contract (README.md); tests/e2e/widget.test.mjs checks
// that finder-api.js exports exactly the functions declared here.
//
// To use it with TypeScript, save it beside your code and map the address you import from
// to it with `paths` in tsconfig.json (`"/finder/finder-api.js": ["./treatment-finder.d.ts"]`):
//   import { recommend, mount } from 'https://clinic.example/finder/finder-api.js';

/** A language the finder speaks. */
export type Lang = 'en' | 'fr';

/** The finder's answer. `consult`: a practitioner should see the visitor before any plan. */
export type Treatment = 'microneedling' | 'mesotherapy' | 'both' | 'consult';

export type Goal =
  | 'hydration' | 'texture' | 'scars' | 'fine_lines' | 'pigmentation'
  | 'dullness' | 'pores' | 'stretch_marks' | 'event';

export type Area = 'face' | 'neck' | 'decolletage' | 'body';

/** How much visible redness is acceptable. */
export type Downtime = 'none' | 'one_or_two_days' | 'a_week';

/** A hard stop: any of them gives `consult`, with no plan. */
export type Screening =
  | 'pregnant_or_breastfeeding' | 'active_skin_infection' | 'skin_condition_flare'
  | 'isotretinoin_6_months' | 'blood_thinners' | 'keloid_scarring' | 'ingredient_allergy'
  | 'autoimmune_or_immunosuppressed' | 'cancer_treatment_or_poor_healing';

/**
 * A waiting period: a recent treatment (or sun) that moves the first session later by the
 * days the clinic's rules set, with a reason `recent.<id>`. It never blocks a plan.
 */
export type Recent = 'injectables_2_weeks' | 'peel_or_retinoid_1_week' | 'sunburn_or_tan';

/** Something the practitioner should know: it changes nothing but adds a warning `caution.<id>`. */
export type Caution = 'cold_sores' | 'otc_blood_thinners' | 'dark_marks_after_inflammation';

/** An ISO date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The answers (README.md, "Answers"). Unknown fields are refused. */
export interface Answers {
  goals: Goal[];
  /** Required when `goals` has `event`; not before `today`. */
  event_date?: IsoDate;
  /** Defaults to the visitor's date, so the plan has dates. */
  today?: IsoDate;
  /** A whole number, 0 to 120. */
  age: number;
  /** Defaults to `['face']`. */
  areas?: Area[];
  downtime?: Downtime;
  /** `[]` when none applies. */
  screening: Screening[];
  /** Defaults to `[]`. An unknown id is an error naming `recent[i]`. */
  recent?: Recent[];
  /** Defaults to `[]`. An unknown id is an error naming `cautions[i]`. */
  cautions?: Caution[];
}

export interface Reason {
  /**
   * A stable id: `goal.scars`, `screening.blood_thinners`, `schedule.meso_35_40`,
   * `course.<id>`, `recent.sunburn_or_tan` (a waiting period)…
   */
  rule: string;
  text: string;
  /** Source article file names, comma-separated, or `clinic default`. */
  source: string;
}

export interface Range {
  min: number;
  max: number;
}

export interface PlanItem {
  treatment: 'microneedling' | 'mesotherapy';
  /** The treatment's name in the recommendation's language. */
  name: string;
  sessions: Range;
  interval_days: Range;
  session_minutes: Range;
  downtime: string;
  results: string;
  maintenance: string;
  /** Proposed session dates. */
  dates: IsoDate[];
  /** Where each fact above comes from. */
  sources: PlanSources;
}

/**
 * The source of each fact of a plan item: source article file names
 * (`004_c8f6733e9a2bb73d.txt`), comma-separated, and/or `clinic default` (the clinic's own
 * practice, where no article gives the number).
 */
export interface PlanSources {
  /** The session count (from the age band, the goal's course, or the general course). */
  sessions: string;
  interval_days: string;
  session_minutes: string;
  downtime: string;
  results: string;
  maintenance: string;
}

export interface Warning {
  /**
   * A stable code, for example `event_too_close` (no session fits before the event; the
   * plan starts after it), `event_course_shortened`, `course_after_event`,
   * `downtime_trade_off` (no redness moved goals away from microneedling),
   * `redness_longer_than_accepted`, `goal_area_mismatch`, `caution.<id>`. More may be added.
   */
  code: string;
  text: string;
}

/** The recommendation (README.md, "Recommendation"). Fields may be added, never removed. */
export interface Recommendation {
  treatment: Treatment;
  summary: string;
  reasons: Reason[];
  /** Empty for `consult`. */
  plan: PlanItem[];
  aftercare: string[];
  warnings: Warning[];
  disclaimer: string;
  lang: Lang;
  /** Present when the answers have an event. */
  event_date?: IsoDate;
  rules_revision: string;
}

export interface RecommendOptions {
  /** The language of the texts: `en` (the default) or `fr`; `fr-CA` reads as `fr`. */
  lang?: string;
}

/**
 * Runs the engine with the clinic's rules (the rules file its `clinic.json` names, else the
 * built-in ones). Throws an `Error` whose message names the wrong field for malformed
 * answers (``invalid answers: goals[1]: unknown variant `tan`, expected one of …``), or an
 * unknown option, a wrong option type or an unknown language.
 */
export function recommend(answers: Answers, options?: RecommendOptions): Recommendation;

/**
 * The settings of a mounted finder, over the clinic's `clinic.json`: the same names as the
 * app's query parameters. A wrong value is reported on the console and the clinic's setting
 * applies; a value that is not a string, or an unknown setting, throws.
 */
export interface MountConfig {
  /** `en` or `fr`; else the visitor's browser decides. */
  lang?: string;
  /** Where "Book a consultation" leads (http: or https:). */
  booking_url?: string;
  clinic_name?: string;
  /** Shown when a practitioner should see the visitor first. */
  contact?: string;
  /** `#rgb` or `#rrggbb`. */
  accent?: string;
  /**
   * The partner's name for the clinic's statistics: 1 to 40 letters, digits, `-` or `_`. The
   * Book link then carries `utm_source=<partner>&utm_medium=partner-widget`.
   */
  partner?: string;
}

export interface FinderHandle {
  /** Removes the finder and everything it added to the element. Calling it again does nothing. */
  destroy(): void;
}

/**
 * Shows the whole finder in `element` (in a shadow root: the page's CSS and the finder's do
 * not mix). The element receives `treatment-finder:result` and `treatment-finder:book`.
 */
export function mount(element: Element, config?: MountConfig): FinderHandle;

/** The `detail` of `treatment-finder:result` and `treatment-finder:book`: the treatment only. */
export interface TreatmentFinderDetail {
  treatment: Treatment;
}

/** `<treatment-finder>`, defined by embed.js. Its attributes: lang, booking-url, clinic-name, accent, contact, partner. */
export interface TreatmentFinderElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'treatment-finder': TreatmentFinderElement;
  }
  interface HTMLElementEventMap {
    /** The finder is on screen (detail: null). */
    'treatment-finder:ready': CustomEvent<null>;
    /** The result screen shows this treatment. */
    'treatment-finder:result': CustomEvent<TreatmentFinderDetail>;
    /** The visitor followed the Book link. */
    'treatment-finder:book': CustomEvent<TreatmentFinderDetail>;
  }
}
