// Words that make an input an amount input (its name, id, placeholder or aria-label), per language:
// the one piece of the loan-page vocabulary that the page itself needs (to count amount inputs, a DOM
// fact), kept apart from the rest so frames don't carry the whole vocabulary (the background scores pages).

export const AMOUNT_WORDS = {
  zh: '金额|金額|借款|额度|額度|贷款|貸款',
  en: 'amount|principal',
  es: 'monto|importe|cantidad',
  pt: 'valor|quantia|montante',
  id: 'jumlah|nominal',
  vi: 'số tiền|sotien',
  th: 'จำนวนเงิน|วงเงิน',
} as const;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One case-insensitive regex over every language's amount words, longest first. */
export function amountRegex(): RegExp {
  const terms = [...new Set(Object.values(AMOUNT_WORDS).flatMap((list) => list.split('|')).filter(Boolean))];
  return new RegExp(terms.sort((a, b) => b.length - a.length).map(escape).join('|'), 'iu');
}
