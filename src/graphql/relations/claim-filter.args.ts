import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ClaimFilterArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only claims dated within this year or month ("2026", "2026-01"), per their sources.',
  })
  asOf?: string;

  @Field(() => String, { nullable: true, description: 'Only claims made by this source (a Source id).' })
  source?: string;
}
