/** A made-up letter for demos and training: every name and detail is invented. */
export const SAMPLE_LETTER = `Dear Dr Patel,

Re: Ms J Doe

I saw this 46-year-old lady in the persistent pain clinic today. She claims her back pain is "still a 10" despite the tablets, and insists she cannot work. She was non-compliant with the exercise programme and refused the injection. The MRI shows wear and tear.

She has been given self-management advice and is now successfully self-managing. She is not suitable for our service and has been discharged back to GP. She will have to learn to live with it.`;
