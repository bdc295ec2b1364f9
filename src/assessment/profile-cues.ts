import type { BooleanField, Sector, Size } from './business-profile.ts';

/**
 * Phrases that reveal the profile, matched on diacritic-folded, lower-case text ("bán quần áo" and
 * "ban quan ao" alike). Written as regular-expression sources; word boundaries are added by the
 * parser. Lookbehinds keep look-alikes out: "qua điện thoại" is a way of ordering, not a phone shop;
 * "giao hàng tận nhà" is delivery, not door-to-door selling.
 */
export const sectorCues: ReadonlyArray<readonly [Sector, readonly string[]]> = [
  ['utilities', ['vien thong', 'nha mang', '(?<!(qua|tren) )internet', 'wifi', 'cap quang', 'truyen hinh( cap| tra tien)?', 'iptv', 'dien luc', 'cung cap (dien|nuoc)', 'cap nuoc', 'nuoc (sach|sinh hoat)', 'telecoms?', 'telco', 'broadband', 'isp', 'utility', 'utilities', 'mobile network', 'pay tv', 'cable tv']],
  ['electronics', ['dien may', 'dien tu', '(?<!(qua|bang|goi|so) )dien thoai', 'di dong', 'smartphones?', 'may tinh', 'laptops?', 'ti ?vi', 'tu lanh', 'may giat', 'dieu hoa', 'may lanh', 'do dien', 'thiet bi', 'xe may', 'o to', 'xe dien', 'electronics?', 'appliances?', '(?<!by )phones?', 'computers?']],
  ['manufacturing', ['san xuat', 'nha may', 'nhap khau', 'che bien', 'manufactur\\w*', 'factory', 'producers?', 'importers?']],
  ['food', ['thuc pham', 'do an', 'an uong', 'nha hang', 'quan (an|com|nhau)', 'ca phe', 'cafe', 'coffee', 'tra sua', 'banh (mi|ngot|kem|keo)', 'trai cay', 'hoa qua', 'rau', 'hai san', 'do uong', 'nuoc giai khat', 'bakery', 'restaurants?', 'foods?', 'drinks', 'beverages?']],
  ['services', ['dich vu', 'spa', 'salon', 'tham my', 'lam dep', 'cat toc', 'sua chua', 'bao duong', 'giao duc', 'dao tao', 'khoa hoc', 'du lich', 'lu hanh', 'khach san', 'homestay', 'phong (gym|tap|kham)', 'gym', 'yoga', 'bao hiem', 'ngan hang', 'services?', 'repairs?', 'hotels?', 'travel', 'schools?', 'courses?', 'insurance', 'banks?', 'clinics?']],
  ['goods_retail', ['quan ao', 'thoi trang', 'my pham', 'giay dep', 'tui xach', 'phu kien', 'do choi', 'nha sach', 'van phong pham', 'tap hoa', 'sieu thi', 'ban le', 'noi that', 'trang suc', 'dong ho', 'me va be', 'clothes', 'clothing', 'fashion', 'cosmetics', 'shoes', 'toys', 'grocery', 'retail\\w*', 'ban hang']],
];

export const sizeCues: ReadonlyArray<readonly [Size, readonly string[]]> = [
  ['individual', ['(khong|chua|khong can|khong phai) dang ky kinh doanh', 'ban (hang )?rong', 'hang rong', 'ganh hang', 'xe day', 'buon ban nho', 'ca nhan (ban|kinh doanh)', 'street vendor', 'unregistered', 'hawker']],
  ['household', ['ho kinh doanh', 'ho ca the', 'kinh doanh ca the', 'household business', 'sole trader']],
  ['micro', ['sieu nho', '(shop|cua hang|tiem|quan|sap|co so) nho', 'mot minh', 'micro', 'tiny', 'small shop', 'one.person']],
  ['small', ['(doanh nghiep|cong ty) nho', 'small (business|company|enterprise)']],
  ['medium_large', ['(doanh nghiep|cong ty) (vua|lon)', 'tap doan', 'chuoi (cua hang|sieu thi)', 'he thong cua hang', 'toan quoc', 'nhieu chi nhanh', 'tong cong ty', 'medium', 'large', 'corporation', 'nationwide', 'chain']],
];

export const booleanCues: Readonly<Record<BooleanField, readonly string[]>> = {
  online: ['online', 'truc tuyen', 'facebook', 'fb', 'zalo', 'tiktok', 'shopee', 'lazada', 'tiki', 'sendo', 'instagram', 'website', 'trang web', 'web', 'app', 'ung dung', 'mang xa hoi', 'live ?stream', 'thuong mai dien tu', 'tmdt', '(ban|dat hang) qua (mang|dien thoai)', '(qua|tren) (mang|internet)', 'telesales?', 'e-?commerce', 'marketplaces?', 'social media'],
  premises: ['cua hang(?! (online|truc tuyen|tren))', 'cua hieu', 'showroom', 'tiem(?! nang)', 'mat bang', 'quay hang', 'dai ly', 'chi nhanh', 'van phong', 'tru so', 'sieu thi', 'nha hang', 'quan (an|com)', 'stores?', 'storefront', 'outlets?', 'branch(es)?', 'offices?', 'premises'],
  continuous: ['thue bao', 'goi cuoc', 'hang thang', 'theo (thang|nam)', 'dinh ky', 'hoi vien', '(the|goi) tap', 'khoa hoc', '(?<!(qua|tren) )internet', 'truyen hinh', 'cung cap (dien|nuoc)', 'dich vu lien tuc', 'dai han', 'subscriptions?', 'memberships?', 'monthly', 'continuous service'],
  mlm: ['da cap', 'mlm', 'multi.level', 'network marketing', 'kinh doanh theo mang'],
  doorToDoor: ['(ban|chao|tiep thi|gioi thieu)(?: (?!giao|ship|van chuyen)[a-z0-9]+){0,4} tan (nha|noi|cua)', 'den nha khach', 'go cua', 'door.to.door'],
  awayFromPremises: ['hoi thao', 'hoi nghi khach hang', 'hoi cho', 'trien lam', 'su kien', 'ban luu dong', 'events?', 'fairs?', 'seminars?', 'workshops?', 'exhibitions?', 'pop.?up'],
  standardContracts: ['hop dong( theo)? mau', 'mau hop dong', 'dieu kien (giao dich )?chung', 'dieu khoan (su dung|dich vu|va dieu kien)', 'hop dong', 'standard contracts?', 'terms (and conditions|of service)', 'general terms', 'contracts?'],
  warranty: ['bao hanh', 'warrant(y|ies)', 'guarantee'],
  customerData: ['(luu|giu) thong tin khach', 'thong tin khach hang', 'du lieu khach hang', 'danh sach khach', 'so dien thoai khach', 'tai khoan khach', 'the thanh vien', 'tich diem', 'khach hang than thiet', 'crm', 'customer (data|database|details)', 'loyalty'],
};

/** Operating an intermediary platform, and a large one. */
export const platformCues: readonly string[] = ['van hanh (san|nen tang|ung dung)', 'nen tang( so)? trung gian', 'san (giao dich|thuong mai dien tu|tmdt) cua (minh|toi|chung toi|cong ty)', '(app|ung dung) ket noi', 'marketplace operator', 'operat\\w* an? (online )?(marketplace|platform)'];
export const largePlatformCues: readonly string[] = ['nen tang( so)? lon', 'large platform', '3 trieu (tai khoan|nguoi dung)', '3 million'];

/** Registration of standard contracts (QĐ 07/2024): "đã đăng ký", "thuộc danh mục". */
export const registrationCues: readonly string[] = ['(da )?dang ky hop dong', 'thuoc danh muc', 'registered', 'on the list'];

/** Words that negate a cue a few words later: "không có cửa hàng", "chưa bán online", "no store". */
export const negators: readonly string[] = ['khong', 'ko', 'k', 'kg', 'khg', 'chua', 'chang', 'hong', 'hok', 'no', 'not', 'without', 'never', 'none'];

/** How many words before a cue a negator still applies to it. */
export const negationWindow = 4;
