// @ts-check
/** كلمات الرسائل بالعربية (ترجمة en.mjs). تُكتب من اليمين إلى اليسار. */
export default {
  dir: 'rtl',
  subjectConfirmation: 'تم تسجيلك: {title}',
  subjectWaitlist: 'أنت على قائمة الانتظار: {title}',
  subjectPromotion: 'توفّر مكان: تم تسجيلك في {title}',
  subjectCancellation: 'أُلغي التسجيل: {title}',
  subjectReminder: 'أنت مسجّل بالفعل: {title}',
  leadConfirmation: 'تم تسجيلك في {title}.',
  leadWaitlist: 'اكتمل العدد في {title}. رقمك {place} على قائمة الانتظار، وسنكتب إليك مجددًا إذا توفّر لك مكان.',
  leadPromotion: 'توفّر مكان وأصبح لك: أنت الآن مسجّل في {title}.',
  leadCancellation: 'أُلغي تسجيلك في {title}.',
  leadReminderConfirmed: 'حاول شخص ما، وربما أنت، تسجيل عنوان البريد هذا مرة أخرى في {title}. أنت مسجّل بالفعل، ولم يتغيّر شيء.',
  leadReminderWaitlisted: 'حاول شخص ما، وربما أنت، تسجيل عنوان البريد هذا مرة أخرى في {title}. أنت بالفعل على قائمة الانتظار، ورقمك {place}، ولم يتغيّر شيء.',
  when: 'الموعد',
  where: 'المكان',
  fact: '{label}: {value}',
  cancel: 'لا تستطيع الحضور؟ ألغِ التسجيل من هنا ليأخذ شخص آخر المكان:',
  calendar: 'الملف المرفق يضيف الفعالية إلى تقويمك.',
  footer: 'تصلك هذه الرسالة لأن عنوان البريد هذا استُخدم في التسجيل. لا حاجة إلى الرد.',
  untitled: 'فعالية بلا عنوان',
};
