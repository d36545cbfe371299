import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MemberFilterArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Members at this date ("2024", "2026-01", "2026-01-15"), from each membership’s dated claims: a claim that speaks for the date, else the closest claim before it and the closest after. Each member is listed with the claims that decide it, and a `note` when no claim speaks for the date; members some source names but not at this date are in `excludedMembers`.',
  })
  asOf?: string;

  @Field(() => String, { nullable: true, description: 'Only claims made by this source (a Source id).' })
  source?: string;
}

@ArgsType()
export class ExcludedMemberArgs {
  @Field(() => String, { description: 'The date, as for `members(asOf:)`.' })
  asOf!: string;

  @Field(() => String, { nullable: true, description: 'Only claims made by this source (a Source id).' })
  source?: string;
}
