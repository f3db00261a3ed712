// Hand-written sentence frames, for what the five seeds say too rarely: figures with units and periods about the
// ports, railways, ferries, pipeline and cables (the seeds mostly talk of trade turnover). Each frame is one
// newswire sentence; its markers (slots.ts, parseFrame) take feature names in a case, quantities and periods.
// The wording follows the seeds and the region's press ("объем перевозок … составил", "перевалено", "планируется
// довести до").
import { parseFrame } from './slots.ts';

const FIGURE_FRAMES = [
  '{Past} объем перевозок по {corridor.dat} составил {tonnes}.',
  '{Past} через {port.acc} было перевалено {tonnes} грузов.',
  '{Past} объем контейнерных перевозок по {corridor.dat} вырос на {pct} и достиг {teu}.',
  'Пропускную способность {port.gen} планируется увеличить до {tonnes} в год {target}.',
  '{Target} грузооборот {port.gen} планируется довести до {tonnes}.',
  'Протяженность {railway.gen} составляет {km}.',
  'Стоимость строительства {railway.gen} оценивается в {money}.',
  '{Past} по {railway.dat} перевезено {tonnes} грузов, что на {pct} больше, чем годом ранее.',
  'Инвестиции в модернизацию {port.gen} {past} составили {money}.',
  '{Past} по {pipeline.dat} было прокачано {tonnes} нефти.',
  '{Past} объем транзита по {corridor.dat} увеличился {times}.',
  'Завершить прокладку {fiber-line.gen} планируется {target}.',
  'Стоимость проекта {fiber-line.gen} оценивается в {money}.',
  'Мощность {power-cable.gen} составит {gw}.',
  '{Past} паромы на {ferry.pre} совершили {count} рейсов.',
  'Время доставки грузов по {corridor.dat} сократилось до {days} дней.',
  'Добыча на {field.pre} {past} составила {tonnes} нефти.',
  'Казахстан планирует нарастить экспорт нефти по {pipeline.dat} до {tonnes} в год.',
  'Грузопоток по {railway.dat} {target} может вырасти до {tonnes} в год.',
  'Строительство {railway.gen} протяженностью {km} планируется завершить {target}.',
  '{Past} на развитие {corridor.gen} было направлено {money}.',
  'Тариф на перевозку контейнера по {corridor.dat} {past} снизился на {pct}.',
  '{Past} через {port.acc} прошло {teu}, что {times} больше, чем годом ранее.',
  'Загрузка {ferry.gen} {past} составила {pct}.',
] as const;

// Frames with names and no figure: how articles tie the features together.
const LINK_FRAMES = [
  '{Corridor.nom} остается ключевым маршрутом для транзита грузов между Китаем и Европой.',
  'Стороны обсудили развитие {port.gen} и {railway.gen}.',
  'Особое внимание уделено синхронизации тарифов на {ferry.pre} и {railway.pre}.',
  'Грузы из Китая следуют по {railway.dat} до {port.gen}, а затем по {ferry.dat} через Каспий.',
  'Модернизация {port.gen} напрямую связана с развитием {corridor.gen}.',
  'Эксперты называют {corridor.acc} и {corridor#2.acc} взаимодополняющими маршрутами.',
  'Операторы {port.gen} и {port#2.gen} подписали меморандум о цифровизации грузовых операций.',
  'Проект {power-cable.gen} рассматривается как продолжение {fiber-line.gen}.',
  'Эксперты рассматривают {railway.acc} как часть {corridor.gen}.',
  'Стороны договорились проложить {fiber-line.acc} {target}.',
] as const;

// Titles for the front matter: short, as the outlets' headlines.
const TITLE_FRAMES = [
  '{Corridor.nom}: перевозки выросли на {pct}',
  'Грузооборот {port.gen} достиг {tonnes}',
  '{Port.nom} увеличит пропускную способность {target}',
  'Эксперт: {corridor.nom} остается приоритетом',
  'Строительство {railway.gen} обойдется в {money}',
  '{Ferry.nom}: рост перевозок {times}',
  'Что известно о {corridor.pre}',
] as const;

export const FIGURE_SENTENCES = FIGURE_FRAMES.map(parseFrame);
export const LINK_SENTENCES = LINK_FRAMES.map(parseFrame);
export const TITLE_SENTENCES = TITLE_FRAMES.map(parseFrame);
