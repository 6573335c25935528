// "Help after a leak" as data: the checklist of established advice (filtered by the kinds of data a
// site received) and, per country, the official offices that take reports. Rendering lives in
// components/options/LeakHelp.tsx; every description is a `leak_` message key, official names stay as written.
import type { DataKind } from '@/lib/types';
import { guessRegion } from '@/lib/locale/region';

/** One step of the checklist. `kinds`: only shown when one of these kinds was shared; absent = always. */
export interface ChecklistStep {
  id: string;
  titleKey: string;
  bodyKey: string;
  kinds?: readonly DataKind[];
}

/** Ordered by urgency: stop money leaving first, then lock accounts, report, and watch. */
export const LEAK_CHECKLIST: readonly ChecklistStep[] = [
  { id: 'bank', titleKey: 'leak_step_bank_title', bodyKey: 'leak_step_bank_body', kinds: ['bank-card'] },
  { id: 'otp', titleKey: 'leak_step_otp_title', bodyKey: 'leak_step_otp_body', kinds: ['otp'] },
  { id: 'passwords', titleKey: 'leak_step_passwords_title', bodyKey: 'leak_step_passwords_body' },
  { id: 'codes', titleKey: 'leak_step_codes_title', bodyKey: 'leak_step_codes_body' },
  { id: 'report', titleKey: 'leak_step_report_title', bodyKey: 'leak_step_report_body' },
  { id: 'delete', titleKey: 'leak_step_delete_title', bodyKey: 'leak_step_delete_body' },
  { id: 'credit', titleKey: 'leak_step_credit_title', bodyKey: 'leak_step_credit_body' },
  { id: 'identity', titleKey: 'leak_step_identity_title', bodyKey: 'leak_step_identity_body', kinds: ['national-id'] },
  { id: 'phone', titleKey: 'leak_step_phone_title', bodyKey: 'leak_step_phone_body', kinds: ['phone'] },
  { id: 'contacts', titleKey: 'leak_step_contacts_title', bodyKey: 'leak_step_contacts_body' },
  { id: 'scams', titleKey: 'leak_step_scams_title', bodyKey: 'leak_step_scams_body' },
];

/** The steps that apply when these kinds of data were shared (general steps always apply). */
export function checklistFor(kinds: readonly DataKind[]): ChecklistStep[] {
  return LEAK_CHECKLIST.filter((step) => !step.kinds || step.kinds.some((kind) => kinds.includes(kind)));
}

/** What kind of problem a channel handles. */
export const CHANNEL_KINDS = [
  'regulator',
  'lender-registry',
  'privacy',
  'police',
  'spam',
  'credit-report',
  'complaints',
  'helpline',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Message key of a channel kind's label ("credit-report" → leak_channel_kind_credit_report). */
export const channelKindKey = (kind: ChannelKind): string => `leak_channel_kind_${kind.replace('-', '_')}`;

export interface ReportingChannel {
  id: string;
  kinds: readonly ChannelKind[];
  /** Official name in its original language, never translated. Absent only for generic entries. */
  name?: string;
  /** BCP 47 language of `name`, for the `lang` attribute. */
  nameLang?: string;
  /** English name, when `name` is not already English. */
  nameEn?: string;
  /** Generic entries ("your data protection authority") have a translated name instead. */
  nameKey?: string;
  /** What it handles, in the user's language. */
  descriptionKey: string;
  /** Official website as plain text (domain, sometimes with a path); never a link. */
  website?: string;
  /** Official hotline numbers as dialled in that country. */
  phone?: string;
}

/** Countries with specific channels, in the order the picker offers them. */
export const REPORTING_COUNTRIES = ['CN', 'MX', 'ID', 'IN', 'PH', 'ES', 'BR'] as const;
export type ReportingCountry = (typeof REPORTING_COUNTRIES)[number];
/** Key of the generic list for every other country. */
export const OTHER_COUNTRY = 'other';

export const REPORTING_CHANNELS: Readonly<Record<ReportingCountry | typeof OTHER_COUNTRY, readonly ReportingChannel[]>> = {
  CN: [
    {
      id: 'cn-nfra',
      kinds: ['regulator'],
      name: '国家金融监督管理总局',
      nameLang: 'zh-CN',
      nameEn: 'National Financial Regulatory Administration (NFRA)',
      descriptionKey: 'leak_ch_cn_nfra',
      website: 'nfra.gov.cn',
      phone: '12378',
    },
    {
      id: 'cn-12377',
      kinds: ['privacy'],
      name: '中央网信办（国家网信办）违法和不良信息举报中心',
      nameLang: 'zh-CN',
      nameEn: 'Cyberspace Administration of China, Illegal and Harmful Information Reporting Center',
      descriptionKey: 'leak_ch_cn_12377',
      website: '12377.cn',
      phone: '12377',
    },
    {
      id: 'cn-12321',
      kinds: ['spam'],
      name: '12321网络不良与垃圾信息举报受理中心',
      nameLang: 'zh-CN',
      nameEn: '12321 Network Harmful Information and Spam Reporting Center',
      descriptionKey: 'leak_ch_cn_12321',
      website: '12321.cn',
      phone: '12321',
    },
    {
      id: 'cn-police',
      kinds: ['police'],
      name: '公安机关',
      nameLang: 'zh-CN',
      nameEn: 'Public security bureau (police)',
      descriptionKey: 'leak_ch_cn_police',
      phone: '110 / 96110',
    },
    {
      id: 'cn-pbccrc',
      kinds: ['credit-report'],
      name: '中国人民银行征信中心',
      nameLang: 'zh-CN',
      nameEn: "Credit Reference Center of the People's Bank of China",
      descriptionKey: 'leak_ch_cn_pbccrc',
      website: 'pbccrc.org.cn',
    },
  ],
  MX: [
    {
      id: 'mx-condusef',
      kinds: ['regulator', 'complaints'],
      name: 'Comisión Nacional para la Protección y Defensa de los Usuarios de Servicios Financieros (CONDUSEF)',
      nameLang: 'es-MX',
      nameEn: 'National Commission for the Protection and Defense of Financial Services Users',
      descriptionKey: 'leak_ch_mx_condusef',
      website: 'condusef.gob.mx',
    },
    {
      id: 'mx-sipres',
      kinds: ['lender-registry'],
      name: 'Registro de Prestadores de Servicios Financieros (SIPRES)',
      nameLang: 'es-MX',
      nameEn: 'Registry of Financial Service Providers (CONDUSEF)',
      descriptionKey: 'leak_ch_mx_sipres',
      website: 'condusef.gob.mx',
    },
    {
      id: 'mx-police',
      kinds: ['police'],
      name: 'Policía Cibernética (Guardia Nacional, SSPC), Línea 088',
      nameLang: 'es-MX',
      nameEn: 'Cyber Police (National Guard, Security Ministry), 088 line',
      descriptionKey: 'leak_ch_mx_police',
      website: 'gob.mx/sspc',
      phone: '088',
    },
    {
      id: 'mx-fiscalia',
      kinds: ['police'],
      name: 'Fiscalía General de la República o fiscalía de tu estado',
      nameLang: 'es-MX',
      nameEn: "Attorney General's Office or your state prosecutor",
      descriptionKey: 'leak_ch_mx_fiscalia',
    },
    {
      id: 'mx-buro',
      kinds: ['credit-report'],
      name: 'Buró de Crédito',
      nameLang: 'es-MX',
      nameEn: 'Credit bureau',
      descriptionKey: 'leak_ch_mx_buro',
      website: 'burodecredito.com.mx',
    },
    {
      id: 'mx-circulo',
      kinds: ['credit-report'],
      name: 'Círculo de Crédito',
      nameLang: 'es-MX',
      nameEn: 'Credit bureau',
      descriptionKey: 'leak_ch_mx_circulo',
      website: 'circulodecredito.com.mx',
    },
    {
      id: 'mx-reus',
      kinds: ['spam'],
      name: 'Registro Público de Usuarios (REUS), CONDUSEF',
      nameLang: 'es-MX',
      nameEn: 'Public Users Registry (financial advertising opt-out)',
      descriptionKey: 'leak_ch_mx_reus',
      website: 'condusef.gob.mx',
    },
    {
      id: 'mx-repep',
      kinds: ['spam'],
      name: 'Registro Público para Evitar Publicidad (REPEP), PROFECO',
      nameLang: 'es-MX',
      nameEn: 'Public Registry to Avoid Advertising, Federal Consumer Protection Agency',
      descriptionKey: 'leak_ch_mx_repep',
      website: 'repep.profeco.gob.mx',
    },
  ],
  ID: [
    {
      id: 'id-ojk',
      kinds: ['regulator', 'lender-registry'],
      name: 'Otoritas Jasa Keuangan (OJK)',
      nameLang: 'id',
      nameEn: 'Financial Services Authority',
      descriptionKey: 'leak_ch_id_ojk',
      website: 'ojk.go.id',
      phone: '157',
    },
    {
      id: 'id-pasti',
      kinds: ['regulator'],
      name: 'Satuan Tugas Pemberantasan Aktivitas Keuangan Ilegal (Satgas PASTI)',
      nameLang: 'id',
      nameEn: 'Task Force for Eradicating Illegal Financial Activities (formerly Satgas Waspada Investasi)',
      descriptionKey: 'leak_ch_id_pasti',
      phone: '157',
    },
    {
      id: 'id-afpi',
      kinds: ['complaints'],
      name: 'Asosiasi Fintech Pendanaan Bersama Indonesia (AFPI)',
      nameLang: 'id',
      nameEn: 'Indonesian Joint Funding Fintech Association',
      descriptionKey: 'leak_ch_id_afpi',
      website: 'afpi.or.id',
    },
    {
      id: 'id-polri',
      kinds: ['police'],
      name: 'Direktorat Tindak Pidana Siber Bareskrim Polri',
      nameLang: 'id',
      nameEn: 'Indonesian National Police, Cyber Crime Directorate',
      descriptionKey: 'leak_ch_id_polri',
      website: 'patrolisiber.id',
    },
    {
      id: 'id-komdigi',
      kinds: ['spam'],
      name: 'Kementerian Komunikasi dan Digital (Komdigi)',
      nameLang: 'id',
      nameEn: 'Ministry of Communication and Digital Affairs (formerly Kominfo)',
      descriptionKey: 'leak_ch_id_komdigi',
      website: 'aduankonten.id',
    },
    {
      id: 'id-slik',
      kinds: ['credit-report'],
      name: 'Sistem Layanan Informasi Keuangan (SLIK), iDebKu OJK',
      nameLang: 'id',
      nameEn: 'Financial Information Service System (credit history)',
      descriptionKey: 'leak_ch_id_slik',
      website: 'idebku.ojk.go.id',
    },
  ],
  IN: [
    {
      id: 'in-rbi-cms',
      kinds: ['regulator'],
      name: 'Reserve Bank of India, Complaint Management System (CMS)',
      nameLang: 'en-IN',
      descriptionKey: 'leak_ch_in_rbi_cms',
      website: 'cms.rbi.org.in',
    },
    {
      id: 'in-sachet',
      kinds: ['lender-registry', 'regulator'],
      name: 'Sachet (Reserve Bank of India)',
      nameLang: 'en-IN',
      descriptionKey: 'leak_ch_in_sachet',
      website: 'sachet.rbi.org.in',
    },
    {
      id: 'in-cybercrime',
      kinds: ['police'],
      name: 'National Cyber Crime Reporting Portal',
      nameLang: 'en-IN',
      descriptionKey: 'leak_ch_in_cybercrime',
      website: 'cybercrime.gov.in',
      phone: '1930',
    },
    {
      id: 'in-sanchar-saathi',
      kinds: ['spam'],
      name: 'Sanchar Saathi, Chakshu (Department of Telecommunications)',
      nameLang: 'en-IN',
      descriptionKey: 'leak_ch_in_sanchar_saathi',
      website: 'sancharsaathi.gov.in',
    },
    {
      id: 'in-trai-dnd',
      kinds: ['spam'],
      name: 'TRAI Do Not Disturb (DND)',
      nameLang: 'en-IN',
      descriptionKey: 'leak_ch_in_trai_dnd',
      website: 'trai.gov.in',
      phone: '1909',
    },
    {
      id: 'in-credit-bureaus',
      kinds: ['credit-report'],
      name: 'TransUnion CIBIL, Experian, Equifax, CRIF High Mark',
      nameLang: 'en-IN',
      descriptionKey: 'leak_ch_in_credit_bureaus',
      website: 'cibil.com',
    },
  ],
  PH: [
    {
      id: 'ph-sec',
      kinds: ['regulator', 'lender-registry'],
      name: 'Securities and Exchange Commission (SEC)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_sec',
      website: 'sec.gov.ph',
    },
    {
      id: 'ph-bsp',
      kinds: ['regulator'],
      name: 'Bangko Sentral ng Pilipinas (BSP)',
      nameLang: 'fil',
      nameEn: 'Central Bank of the Philippines',
      descriptionKey: 'leak_ch_ph_bsp',
      website: 'bsp.gov.ph',
    },
    {
      id: 'ph-npc',
      kinds: ['privacy'],
      name: 'National Privacy Commission (NPC)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_npc',
      website: 'privacy.gov.ph',
    },
    {
      id: 'ph-cicc',
      kinds: ['police'],
      name: 'Cybercrime Investigation and Coordinating Center (CICC)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_cicc',
      website: 'cicc.gov.ph',
      phone: '1326',
    },
    {
      id: 'ph-pnp-acg',
      kinds: ['police'],
      name: 'Philippine National Police Anti-Cybercrime Group (PNP-ACG)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_pnp_acg',
      website: 'acg.pnp.gov.ph',
    },
    {
      id: 'ph-nbi',
      kinds: ['police'],
      name: 'National Bureau of Investigation, Cybercrime Division (NBI-CCD)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_nbi',
      website: 'nbi.gov.ph',
    },
    {
      id: 'ph-ntc',
      kinds: ['spam'],
      name: 'National Telecommunications Commission (NTC)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_ntc',
      website: 'ntc.gov.ph',
    },
    {
      id: 'ph-cic',
      kinds: ['credit-report'],
      name: 'Credit Information Corporation (CIC)',
      nameLang: 'en-PH',
      descriptionKey: 'leak_ch_ph_cic',
      website: 'creditinfo.gov.ph',
    },
  ],
  ES: [
    {
      id: 'es-bde',
      kinds: ['regulator', 'lender-registry'],
      name: 'Banco de España',
      nameLang: 'es-ES',
      nameEn: 'Bank of Spain',
      descriptionKey: 'leak_ch_es_bde',
      website: 'bde.es',
    },
    {
      id: 'es-aepd',
      kinds: ['privacy'],
      name: 'Agencia Española de Protección de Datos (AEPD)',
      nameLang: 'es-ES',
      nameEn: 'Spanish Data Protection Agency',
      descriptionKey: 'leak_ch_es_aepd',
      website: 'aepd.es',
    },
    {
      id: 'es-police',
      kinds: ['police'],
      name: 'Policía Nacional / Guardia Civil',
      nameLang: 'es-ES',
      nameEn: 'National Police / Civil Guard',
      descriptionKey: 'leak_ch_es_police',
      website: 'policia.es',
      phone: '091 / 062',
    },
    {
      id: 'es-incibe',
      kinds: ['helpline'],
      name: 'INCIBE, Tu Ayuda en Ciberseguridad',
      nameLang: 'es-ES',
      nameEn: 'National Cybersecurity Institute, cybersecurity helpline',
      descriptionKey: 'leak_ch_es_incibe',
      website: 'incibe.es',
      phone: '017',
    },
    {
      id: 'es-cirbe',
      kinds: ['credit-report'],
      name: 'Central de Información de Riesgos del Banco de España (CIRBE)',
      nameLang: 'es-ES',
      nameEn: 'Bank of Spain Central Credit Register',
      descriptionKey: 'leak_ch_es_cirbe',
      website: 'bde.es',
    },
    {
      id: 'es-robinson',
      kinds: ['spam'],
      name: 'Lista Robinson',
      nameLang: 'es-ES',
      nameEn: 'Advertising opt-out list',
      descriptionKey: 'leak_ch_es_robinson',
      website: 'listarobinson.es',
    },
  ],
  BR: [
    {
      id: 'br-bcb',
      kinds: ['regulator', 'lender-registry'],
      name: 'Banco Central do Brasil',
      nameLang: 'pt-BR',
      nameEn: 'Central Bank of Brazil',
      descriptionKey: 'leak_ch_br_bcb',
      website: 'bcb.gov.br',
    },
    {
      id: 'br-registrato',
      kinds: ['credit-report'],
      name: 'Registrato (Banco Central do Brasil)',
      nameLang: 'pt-BR',
      nameEn: 'Registrato, Central Bank report of loans and accounts in your name',
      descriptionKey: 'leak_ch_br_registrato',
      website: 'bcb.gov.br',
    },
    {
      id: 'br-consumidor',
      kinds: ['complaints'],
      name: 'Consumidor.gov.br',
      nameLang: 'pt-BR',
      nameEn: 'Federal consumer complaints platform',
      descriptionKey: 'leak_ch_br_consumidor',
      website: 'consumidor.gov.br',
    },
    {
      id: 'br-procon',
      kinds: ['complaints'],
      name: 'Procon do seu estado ou município',
      nameLang: 'pt-BR',
      nameEn: 'State or municipal consumer protection agency',
      descriptionKey: 'leak_ch_br_procon',
    },
    {
      id: 'br-anpd',
      kinds: ['privacy'],
      name: 'Autoridade Nacional de Proteção de Dados (ANPD)',
      nameLang: 'pt-BR',
      nameEn: 'National Data Protection Authority',
      descriptionKey: 'leak_ch_br_anpd',
      website: 'gov.br/anpd',
    },
    {
      id: 'br-police',
      kinds: ['police'],
      name: 'Polícia Civil (delegacia ou delegacia eletrônica do seu estado)',
      nameLang: 'pt-BR',
      nameEn: "Civil Police (police station or your state's online police station)",
      descriptionKey: 'leak_ch_br_police',
    },
    {
      id: 'br-nao-me-perturbe',
      kinds: ['spam'],
      name: 'Não Me Perturbe',
      nameLang: 'pt-BR',
      nameEn: 'Do-not-call list for telecom and payroll-loan offers',
      descriptionKey: 'leak_ch_br_nao_me_perturbe',
      website: 'naomeperturbe.com.br',
    },
  ],
  other: [
    { id: 'other-regulator', kinds: ['regulator', 'lender-registry'], nameKey: 'leak_generic_regulator_name', descriptionKey: 'leak_generic_regulator' },
    { id: 'other-privacy', kinds: ['privacy'], nameKey: 'leak_generic_privacy_name', descriptionKey: 'leak_generic_privacy' },
    { id: 'other-police', kinds: ['police'], nameKey: 'leak_generic_police_name', descriptionKey: 'leak_generic_police' },
    { id: 'other-credit', kinds: ['credit-report'], nameKey: 'leak_generic_credit_name', descriptionKey: 'leak_generic_credit' },
    { id: 'other-spam', kinds: ['spam'], nameKey: 'leak_generic_spam_name', descriptionKey: 'leak_generic_spam' },
  ],
};

const isReportingCountry = (code: string): code is ReportingCountry => (REPORTING_COUNTRIES as readonly string[]).includes(code);

/** Channels for an ISO 3166-1 alpha-2 code (any case); the generic list for any other value. */
export function channelsFor(country: string): ReportingChannel[] {
  const code = country.toUpperCase();
  return [...(isReportingCountry(code) ? REPORTING_CHANNELS[code] : REPORTING_CHANNELS[OTHER_COUNTRY])];
}

/**
 * Best guess of the country whose offices apply, or '' when there is no good guess: the site's
 * country-code TLD ("kuaidai.com.mx" → MX), then the UI language (es-MX → MX, id → ID), by the one
 * country guesser (lib/locale/region.ts), kept only when we list channels for that country.
 */
export function guessCountry(uiLanguage: string, site?: string): ReportingCountry | '' {
  const region = guessRegion({ url: site, lang: uiLanguage }) ?? '';
  return isReportingCountry(region) ? region : '';
}
