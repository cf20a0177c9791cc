/** A custom template (the one docs/templates.md shows), for the tests of sharing templates. */
export const CUSTOM_TEMPLATE_YAML = `template: plan-report-template/v1
name: my-report
title: { en: Progress of our measures, zh-CN: 措施进展 }
description: Completion by plan and group, and our tasks.
sections:
  - section: summary
    blocks: [plans, groups]
    charts: [plans, { chart: groups, title: { en: By group, zh-CN: 分类完成率 } }]
  - section: measures
    title: { en: Tasks, zh-CN: 任务 }
    columns:
      - id
      - { field: title, width: 70, title: { en: Task, zh-CN: 任务 } }
      - status
      - { field: due, hidden: true }
  - section: about
`;
