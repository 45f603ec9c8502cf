// @ts-check
/** 邮件的中文用语（en.mjs 的翻译）。 */
export default {
  dir: 'ltr',
  subjectConfirmation: '报名成功：{title}',
  subjectWaitlist: '您已进入候补名单：{title}',
  subjectPromotion: '有空位了：您已报名 {title}',
  subjectCancellation: '报名已取消：{title}',
  subjectReminder: '您已经报过名了：{title}',
  leadConfirmation: '您已成功报名 {title}。',
  leadWaitlist: '{title} 名额已满。您在候补名单上排第 {place} 位；如有空位，我们会再通知您。',
  leadPromotion: '有人取消了报名，空出的名额给了您：您现在已成功报名 {title}。',
  leadCancellation: '您对 {title} 的报名已取消。',
  leadReminderConfirmed: '有人（很可能是您本人）再次用这个邮箱报名 {title}。您已经报过名了，报名情况没有变化。',
  leadReminderWaitlisted: '有人（很可能是您本人）再次用这个邮箱报名 {title}。您已在候补名单上，排第 {place} 位，情况没有变化。',
  when: '时间',
  where: '地点',
  fact: '{label}：{value}',
  cancel: '不能来了？请在这里取消，把名额留给别人：',
  calendar: '附件可将活动添加到您的日历。',
  footer: '您收到这封邮件，是因为有人用这个邮箱报名了活动。无需回复。',
  untitled: '未命名活动',
};
