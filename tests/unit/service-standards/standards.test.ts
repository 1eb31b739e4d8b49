import { describe, expect, it } from 'vitest';
import {
  createStandardsRegistry,
  DEFAULT_SERVICE_STANDARDS,
  dueDate,
  ServiceStandardsConfigError,
  shippedHolidays,
  standardStatus,
} from '../../../shared/service-standards';

const holidays = shippedHolidays();

describe('the council defaults', () => {
  it('are the targets in the domain brief and the service defaults', () => {
    const table = Object.fromEntries(DEFAULT_SERVICE_STANDARDS.map((s) => [s.id, `${s.days} ${s.clock}${s.statutory ? ' statutory' : ''}`]));
    expect(table).toEqual({
      'complaint-acknowledgement': '3 working',
      'complaint-stage-1': '15 working',
      'complaint-stage-2': '25 working',
      'foi-eir': '20 working statutory',
      'member-enquiry': '10 working',
      'subject-access-request': '30 calendar statutory',
      'missed-bin': '2 working',
      'bulky-waste': '10 working',
      'housing-repair-emergency': '1 calendar',
      'housing-repair-urgent': '3 working',
      'housing-repair-routine': '20 working',
      'pest-control': '5 working',
      'pest-control-emergency': '1 calendar',
      'council-tax-enquiry': '10 working',
      'parking-permit': '5 working',
      'noise-nuisance': '5 working',
      'community-hub-support': '2 working',
      'email-reply': '5 working',
    });
    expect(createStandardsRegistry().get('complaint-stage-1').name).toBe('Stage 1 complaint response');
  });

  it('cannot be changed by a caller', () => {
    const registry = createStandardsRegistry();
    expect(() => {
      (registry.get('foi-eir') as { days: number }).days = 40;
    }).toThrow(TypeError);
    expect(createStandardsRegistry().get('foi-eir').days).toBe(20);
  });
});

describe('createStandardsRegistry overrides', () => {
  it('replace days, clock or name for an id and leave the rest', () => {
    const registry = createStandardsRegistry([
      { id: 'missed-bin', days: 3 },
      { id: 'noise-nuisance', name: 'Noise complaint first visit', clock: 'calendar' },
    ]);
    expect(registry.get('missed-bin')).toEqual({ id: 'missed-bin', name: 'Missed bin collection', days: 3, clock: 'working', statutory: false });
    expect(registry.get('noise-nuisance')).toMatchObject({ name: 'Noise complaint first visit', days: 5, clock: 'calendar' });
    expect(registry.get('complaint-stage-1').days).toBe(15);
  });

  it('add a service with its own legal timescale', () => {
    const registry = createStandardsRegistry([{ id: 'planning-major', name: 'Major planning application decision', days: 91, clock: 'calendar', statutory: true }]);
    expect(registry.get('planning-major')).toEqual({ id: 'planning-major', name: 'Major planning application decision', days: 91, clock: 'calendar', statutory: true });
    expect(registry.all().map((s) => s.id).at(-1)).toBe('planning-major');
    expect(registry.all()).toHaveLength(DEFAULT_SERVICE_STANDARDS.length + 1);
  });

  it('refuse a bad override, naming the field', () => {
    const bad = (overrides: unknown[]): ServiceStandardsConfigError => {
      try {
        createStandardsRegistry(overrides as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ServiceStandardsConfigError);
        return error as ServiceStandardsConfigError;
      }
      throw new Error('expected a ServiceStandardsConfigError');
    };
    const fraction = bad([{ id: 'missed-bin' }, { id: 'bulky-waste', days: 2.5 }]);
    expect(fraction.problems).toEqual([{ field: 'overrides[1].days', message: 'days must be a whole number' }]);
    expect(fraction.message).toContain('overrides[1].days: days must be a whole number');

    expect(bad([{ id: 'missed-bin', days: '3' }]).problems[0]).toEqual({ field: 'overrides[0].days', message: 'days must be a number' });
    expect(bad([{ id: 'missed-bin', clock: 'weekdays' }]).problems[0]?.field).toBe('overrides[0].clock');
    expect(bad([{ id: 'Missed Bin', days: 3 }]).problems[0]?.field).toBe('overrides[0].id');
    expect(bad([{ id: 'missed-bin', dayz: 3 }]).message).toMatch(/unknown setting "dayz"/);
    expect(bad([{ id: 'planning-minor', days: 56 }]).problems.map((p) => p.field)).toEqual(['overrides[0].name', 'overrides[0].clock']);
    expect(bad([{ id: 'missed-bin', days: 3 }, { id: 'missed-bin', days: 4 }]).problems[0]?.message).toMatch(/more than once/);
  });

  it('never lengthen or loosen a statutory target', () => {
    expect(() => createStandardsRegistry([{ id: 'foi-eir', days: 30 }])).toThrow(/overrides\[0\]\.days: "foi-eir" is statutory/);
    expect(() => createStandardsRegistry([{ id: 'subject-access-request', clock: 'working' }])).toThrow(/overrides\[0\]\.clock/);
    expect(() => createStandardsRegistry([{ id: 'foi-eir', statutory: false }])).toThrow(/overrides\[0\]\.statutory/);
    expect(createStandardsRegistry([{ id: 'foi-eir', days: 15 }]).get('foi-eir').days).toBe(15);
  });

  it('throws for an unknown id on get', () => {
    expect(() => createStandardsRegistry().get('nope')).toThrow(/No service standard "nope"/);
    expect(createStandardsRegistry().find('nope')).toBeUndefined();
  });
});

describe('dueDate', () => {
  const registry = createStandardsRegistry();

  it('counts working-day standards on the working-day clock', () => {
    // Complaint acknowledgement, received Tue 31 May 2022: Wed 1 Jun (1), Jubilee Thu 2 & Fri 3,
    // Mon 6 (2), Tue 7 (3).
    expect(dueDate(registry.get('complaint-acknowledgement'), '2022-05-31', holidays)).toBe('2022-06-07');
    // FOI received Fri 27 May 2022 (20 working days): 30,31 May, 1 Jun (3); 2-3 Jun Jubilee;
    // 6-10 (8); 13-17 (13); 20-24 (18); Mon 27 (19), Tue 28 (20).
    expect(dueDate(registry.get('foi-eir'), '2022-05-27', holidays)).toBe('2022-06-28');
    // Member enquiry received Thu 28 Mar 2024 (10): Good Friday, Easter Monday; 2-5 Apr (4), 8-12 (9), Mon 15 (10).
    expect(dueDate(registry.get('member-enquiry'), '2024-03-28', holidays)).toBe('2024-04-15');
    // Stage 1 received Mon 16 Dec 2024: due Thu 9 Jan 2025 (see working-days tests).
    expect(dueDate(registry.get('complaint-stage-1'), '2024-12-16', holidays)).toBe('2025-01-09');
  });

  it('counts calendar-day standards in plain days, leap years included', () => {
    expect(dueDate(registry.get('subject-access-request'), '2024-01-31', holidays)).toBe('2024-03-01');
    expect(dueDate(registry.get('subject-access-request'), '2023-01-31', holidays)).toBe('2023-03-02');
    // An emergency repair reported on Friday is due Saturday: emergencies do not wait for Monday.
    expect(dueDate(registry.get('housing-repair-emergency'), '2024-03-08', holidays)).toBe('2024-03-09');
    // Calendar standards need no bank holiday data at all.
    expect(dueDate(registry.get('subject-access-request'), '2024-01-31', new Set())).toBe('2024-03-01');
  });
});

describe('standardStatus', () => {
  // Due Wed 13 Mar 2024 (complaint acknowledgement received Fri 8 Mar).
  const due = '2024-03-13';

  it('is on track with more than 2 working days left', () => {
    // Fri 8: Mon 11, Tue 12, Wed 13 left = 3.
    expect(standardStatus(due, '2024-03-08', holidays)).toEqual({ status: 'on-track', dueOn: due, workingDaysLeft: 3, daysOverdue: 0 });
    // Sat 9: the same three.
    expect(standardStatus(due, '2024-03-09', holidays).status).toBe('on-track');
  });

  it('is due soon with 2 working days or fewer left, and on the day', () => {
    expect(standardStatus(due, '2024-03-11', holidays)).toEqual({ status: 'due-soon', dueOn: due, workingDaysLeft: 2, daysOverdue: 0 });
    expect(standardStatus(due, '2024-03-13', holidays)).toMatchObject({ status: 'due-soon', workingDaysLeft: 0 });
    expect(standardStatus(due, '2024-03-08', holidays, { dueSoonWorkingDays: 3 }).status).toBe('due-soon');
    expect(standardStatus(due, '2024-03-12', holidays, { dueSoonWorkingDays: 0 }).status).toBe('on-track');
  });

  it('counts working days, so a bank holiday weekend brings "due soon" forward', () => {
    // Due Tue 2 Apr 2024, today Thu 28 Mar: Good Friday and Easter Monday leave 1 working day.
    expect(standardStatus('2024-04-02', '2024-03-28', holidays)).toMatchObject({ status: 'due-soon', workingDaysLeft: 1 });
  });

  it('is overdue the day after the due date', () => {
    expect(standardStatus(due, '2024-03-14', holidays)).toEqual({ status: 'overdue', dueOn: due, workingDaysLeft: null, daysOverdue: 1 });
    expect(standardStatus(due, '2024-03-18', holidays).daysOverdue).toBe(5);
  });

  it('is met when closed on or before the due date, overdue when closed after', () => {
    expect(standardStatus(due, '2024-03-20', holidays, { closedOn: '2024-03-13' })).toEqual({ status: 'met', dueOn: due, workingDaysLeft: null, daysOverdue: 0 });
    expect(standardStatus(due, '2024-03-20', holidays, { closedOn: '2024-03-09' }).status).toBe('met');
    expect(standardStatus(due, '2024-03-20', holidays, { closedOn: '2024-03-15' })).toMatchObject({ status: 'overdue', daysOverdue: 2 });
  });

  it('refuses nonsense', () => {
    expect(() => standardStatus('2024-13-01', '2024-03-08', holidays)).toThrow(/Not a valid date/);
    expect(() => standardStatus(due, '2024-03-08', holidays, { dueSoonWorkingDays: -1 })).toThrow(/dueSoonWorkingDays/);
  });
});
