// The treatment finder's questionnaire as a SurveyJS survey (see index.html). Labels are
// copied from rules/default.json and the finder's UI texts (src/app/i18n.rs), English only.
/* global Survey */
'use strict';

const SURVEY_JSON = {
  showQuestionNumbers: 'off',
  showProgressBar: 'top',
  progressBarType: 'pages',
  pageNextText: 'Next',
  pagePrevText: 'Back',
  completeText: 'See my suggestion',
  showCompletedPage: false,
  pages: [
    {
      name: 'goals',
      title: 'What would you like to improve?',
      elements: [
        {
          type: 'checkbox',
          name: 'goals',
          title: 'Your goals (choose as many as you like)',
          isRequired: true,
          requiredErrorText: 'Choose at least one goal.',
          choices: [
            { value: 'hydration', text: 'Hydration' },
            { value: 'texture', text: 'Rough or uneven texture' },
            { value: 'scars', text: 'Acne or surgical scars' },
            { value: 'fine_lines', text: 'Fine lines and wrinkles' },
            { value: 'pigmentation', text: 'Pigmentation or dark spots' },
            { value: 'dullness', text: 'Dull skin, lack of radiance' },
            { value: 'pores', text: 'Large pores' },
            { value: 'stretch_marks', text: 'Stretch marks' },
            { value: 'event', text: 'An upcoming event' },
          ],
        },
        {
          type: 'text',
          inputType: 'date',
          name: 'event_date',
          title: 'Date of your event',
          visibleIf: "{goals} contains 'event'",
          isRequired: true,
          requiredErrorText: 'Enter the date of your event.',
          minValueExpression: 'today()',
        },
      ],
    },
    {
      name: 'about',
      title: 'About you',
      elements: [
        {
          type: 'text',
          inputType: 'number',
          name: 'age',
          title: 'Your age',
          description: 'In years. Some treatments have a minimum age.',
          isRequired: true,
          requiredErrorText: 'Enter your age.',
          min: 0,
          max: 120,
        },
        {
          type: 'checkbox',
          name: 'areas',
          title: 'Areas to treat',
          isRequired: true,
          defaultValue: ['face'],
          choices: [
            { value: 'face', text: 'Face' },
            { value: 'neck', text: 'Neck' },
            { value: 'decolletage', text: 'Décolletage' },
            { value: 'body', text: 'Body' },
          ],
        },
        {
          type: 'radiogroup',
          name: 'downtime',
          title: 'How much visible redness after a session is acceptable to you?',
          description: 'You can leave this blank if you are not sure.',
          choices: [
            { value: 'none', text: 'None' },
            { value: 'one_or_two_days', text: 'One or two days' },
            { value: 'a_week', text: 'Up to a week' },
          ],
        },
      ],
    },
    {
      name: 'health',
      title: 'A short health check',
      elements: [
        {
          type: 'checkbox',
          name: 'screening',
          title: 'Tick everything that applies to you',
          isRequired: true,
          requiredErrorText: 'Tick the items that apply to you, or “None of these apply to me”.',
          showNoneItem: true,
          noneText: 'None of these apply to me',
          choices: [
            { value: 'pregnant_or_breastfeeding', text: 'I am pregnant or breastfeeding' },
            { value: 'active_skin_infection', text: 'I have an active skin infection, cold sore or inflamed acne in the area' },
            { value: 'isotretinoin_6_months', text: 'I have taken isotretinoin (Accutane, Epuris) in the last 6 months' },
            { value: 'blood_thinners', text: 'I take blood thinners or have a bleeding disorder' },
            { value: 'keloid_scarring', text: 'I tend to form raised (keloid) scars' },
            { value: 'ingredient_allergy', text: 'I am allergic to an ingredient such as hyaluronic acid, vitamins or numbing cream' },
            { value: 'autoimmune_or_immunosuppressed', text: 'I have an autoimmune condition or a weakened immune system' },
          ],
        },
      ],
    },
  ],
};

// A much simplified version of the engine's decision, enough to end on a comparable sentence.
const MICRONEEDLING_GOALS = new Set(['texture', 'scars', 'fine_lines', 'pores', 'stretch_marks']);
const SUMMARIES = {
  microneedling: 'Microneedling looks like the best fit for your goals.',
  mesotherapy: 'Mesotherapy looks like the best fit for your goals.',
  both: 'A combination of microneedling and mesotherapy looks like the best fit for your goals.',
  consult: 'Please talk to a practitioner first: they will check what is safe and right for you before any plan.',
};

function recommend(data) {
  const age = Number(data.age);
  const screening = (data.screening || []).filter((item) => item !== 'none');
  const goals = data.goals || [];
  if (screening.length > 0 || !(age >= 18) || goals.length === 0) return 'consult';
  const microneedlingAllowed = age >= 22 && data.downtime !== 'none';
  let microneedling = false;
  let mesotherapy = false;
  for (const goal of goals) {
    if (MICRONEEDLING_GOALS.has(goal) && microneedlingAllowed) microneedling = true;
    else mesotherapy = true;
  }
  if (microneedling && mesotherapy) return 'both';
  return microneedling ? 'microneedling' : 'mesotherapy';
}

const survey = new Survey.Model(SURVEY_JSON);
survey.onComplete.add((sender) => {
  document.getElementById('result-summary').textContent = SUMMARIES[recommend(sender.data)];
  document.getElementById('result').hidden = false;
});
survey.render(document.getElementById('survey'));
